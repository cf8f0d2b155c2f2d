#include "parsers/lists/csv_reader.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace patsub::lists {

CsvError::CsvError(const std::filesystem::path& file, long line, const std::string& what)
    : std::runtime_error(fmt::format("{}:{}: {}", file.string(), line, what)) {}

std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& name) {
    std::vector<CsvRecord> records;
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    long line = 1;
    while (i < text.size()) {
        CsvRecord rec{line, {}};
        std::string field;
        bool quoted = false, was_quoted = false, end_of_record = false;
        while (i < text.size() && !end_of_record) {
            char c = text[i++];
            if (quoted) {
                if (c == '"') {
                    if (i < text.size() && text[i] == '"') {
                        field += '"';
                        ++i;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') ++line;
                    field += c;
                }
            } else if (c == '"') {
                if (!field.empty() || was_quoted)
                    throw CsvError(name, line, "a quote inside an unquoted field");
                quoted = was_quoted = true;
            } else if (c == ',') {
                rec.fields.push_back(std::move(field));
                field.clear();
                was_quoted = false;
            } else if (c == '\r' && i < text.size() && text[i] == '\n') {
                // CRLF: the LF ends the record on the next step.
            } else if (c == '\n') {
                ++line;
                end_of_record = true;
            } else {
                if (was_quoted) throw CsvError(name, line, "text after a closing quote");
                field += c;
            }
        }
        if (quoted) throw CsvError(name, rec.line, "a quoted field is never closed");
        rec.fields.push_back(std::move(field));
        bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank) records.push_back(std::move(rec));
    }
    return records;
}

std::vector<CsvRecord> read_csv(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CsvError(file, 0, "cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_csv(text.str(), file.string());
}

std::size_t column(const CsvRecord& header, const std::string& name, const std::string& file) {
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        if (header.fields[i] == name) return i;
    throw CsvError(file, header.line, fmt::format("the header has no column '{}'", name));
}

}  // namespace patsub::lists

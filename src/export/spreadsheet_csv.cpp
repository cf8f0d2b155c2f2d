#include "export/spreadsheet_csv.h"

namespace patsub::exports {

namespace {

// Not named `quoted`: with <iomanip> in sight, a call on a std::string would find
// std::quoted by argument-dependent lookup, a better match for a non-const string.
std::string csv_quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace

std::string quoted_spreadsheet_cell(std::string_view cell) { return csv_quoted(neutralised(cell)); }

std::string spreadsheet_cell(std::string_view cell) {
    std::string s = neutralised(cell);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    return csv_quoted(s);
}

std::string spreadsheet_record(const std::vector<std::string>& formatted_cells) {
    std::string out;
    bool first = true;
    for (const auto& c : formatted_cells) {
        if (!first) out += ',';
        first = false;
        out += c;
    }
    out += "\r\n";
    return out;
}

std::string bilingual_header(std::string_view chinese, std::string_view english) {
    return std::string(chinese) + " / " + std::string(english);
}

std::string clause_text(std::string_view clause) {
    if (clause.empty()) return {};
    return "第" + std::string(clause) + "条";
}

SpreadsheetCsv::SpreadsheetCsv() : bytes_(utf8_bom) {}

void SpreadsheetCsv::row(const std::vector<std::string>& cells) {
    std::vector<std::string> formatted;
    formatted.reserve(cells.size());
    for (const auto& c : cells) formatted.push_back(spreadsheet_cell(c));
    bytes_ += spreadsheet_record(formatted);
}

}  // namespace patsub::exports

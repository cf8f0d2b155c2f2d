#include "export/spreadsheet_csv.h"

namespace patsub::exports {

std::string neutralised(std::string_view cell) {
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
        return "'" + std::string(cell);
    return std::string(cell);
}

std::string spreadsheet_cell(std::string_view cell) {
    std::string s = neutralised(cell);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

SpreadsheetCsv::SpreadsheetCsv() : bytes_("\xEF\xBB\xBF") {}

void SpreadsheetCsv::row(const std::vector<std::string>& cells) {
    bool first = true;
    for (const auto& c : cells) {
        if (!first) bytes_ += ',';
        first = false;
        bytes_ += spreadsheet_cell(c);
    }
    bytes_ += "\r\n";
}

}  // namespace patsub::exports

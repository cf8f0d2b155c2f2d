// SpreadsheetCsv: a CSV file meant to be opened in a spreadsheet by people (the treasury
// file, the public-notice list). RFC 4180 quoting with CRLF record ends, a UTF-8 BOM so
// that Excel shows the Chinese names, and no cell a spreadsheet would run as a formula:
// a cell starting with = + - @ tab or CR gets a leading single quote (OWASP's advice
// on CSV injection), since payee names and titles come from outside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patsub::exports {

// The cell's text with a leading ' when a spreadsheet would read it as a formula.
std::string neutralised(std::string_view cell);

// neutralised(), then quoted when it holds a comma, a quote, CR or LF (RFC 4180).
std::string spreadsheet_cell(std::string_view cell);

class SpreadsheetCsv {
  public:
    SpreadsheetCsv();  // starts with the BOM
    void row(const std::vector<std::string>& cells);
    const std::string& bytes() const { return bytes_; }

  private:
    std::string bytes_;
};

}  // namespace patsub::exports

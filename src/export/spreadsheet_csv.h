// SpreadsheetCsv: a CSV file meant to be opened in a spreadsheet by people (the treasury
// file, the public-notice list, the batch's ledger extract, the budget summary). RFC 4180
// quoting with CRLF record ends, a UTF-8 BOM so that Chinese Windows Excel and WPS read
// UTF-8 rather than GB18030, and every cell through the formula guard (formula_guard.h),
// since payee names and titles come from outside. What a spreadsheet would otherwise turn
// into a number is written so that it stays text: clause ids as 第8.10条 (8.10 became the
// number 8.1).
#pragma once

#include "export/formula_guard.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::exports {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// neutralised(), then quoted when it holds a comma, a quote, CR or LF (RFC 4180).
std::string spreadsheet_cell(std::string_view cell);

// neutralised(), then always quoted: for identifiers a reading program must take as
// strings (bank accounts, credit codes in the treasury file).
std::string quoted_spreadsheet_cell(std::string_view cell);

// One record: the cells joined by commas, ended by CRLF. Each cell is already
// formatted by spreadsheet_cell or quoted_spreadsheet_cell.
std::string spreadsheet_record(const std::vector<std::string>& formatted_cells);

// A header cell people read in both languages: "收款单位统一社会信用代码 / payee_uscc".
std::string bilingual_header(std::string_view chinese, std::string_view english);

// A policy clause as a spreadsheet keeps it: "8.10" -> "第8.10条"; empty stays empty.
std::string clause_text(std::string_view clause);

class SpreadsheetCsv {
  public:
    SpreadsheetCsv();  // starts with the BOM
    void row(const std::vector<std::string>& cells);  // each through spreadsheet_cell
    const std::string& bytes() const { return bytes_; }

  private:
    std::string bytes_;
};

}  // namespace patsub::exports

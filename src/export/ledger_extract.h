// LedgerExtract: a batch's ledger lines as `OUT/batch-<id>/ledger.csv`, the file bureau
// staff open in Excel, WPS or LibreOffice. The contract's ledger columns in their order
// (ledger_csv.h), each header in Chinese and English, amounts in yuan with two decimals
// and in fen in a column of their own (to reconcile with `patsub ledger`), clauses as
// 第8.10条; UTF-8 with BOM (Chinese Windows Excel reads a file without one as GB18030),
// CRLF, every cell through the formula guard. Written a line at a time as the ledger
// streams them: a batch may hold tens of thousands of lines.
#pragma once

#include "ledger/ledger_line.h"

#include <ostream>

namespace patsub::exports {

class LedgerExtract {
  public:
    // Writes the BOM and the header row. `out` should be opened in binary mode (CRLF).
    explicit LedgerExtract(std::ostream& out);
    void row(const ledger::LedgerLine& line);

  private:
    std::ostream& out_;
};

}  // namespace patsub::exports

// The ledger CSV of contract.md (`patsub ledger --format csv`, a program's
// machine-readable output): fixed columns and English header, RFC 4180 quoting, UTF-8
// without BOM, LF. Text cells pass the formula guard (formula_guard.h) like every CSV
// patsub writes: the output is redirected into files people open. The batch folder's
// ledger.csv, written for people, is ledger_extract.h.
#pragma once

#include "ledger/ledger_line.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::exports {

// Quotes a field when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(std::string_view s);

void write_ledger_csv(std::ostream& out, const std::vector<ledger::LedgerLine>& lines);

// The same, a row at a time, for extracts streamed from the ledger (Ledger::for_each_line).
void write_ledger_csv_header(std::ostream& out);
void write_ledger_csv_row(std::ostream& out, const ledger::LedgerLine& line);

}  // namespace patsub::exports

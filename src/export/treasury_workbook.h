// The treasury workbook: `treasury-<batch>.xlsx`, the treasury file's rows as typed cells
// for the people who open them (contract.md "Treasury file"). Opened in Excel, WPS,
// LibreOffice or Gnumeric, the CSV turned 19-digit bank accounts into 5.301E+17; here
// credit codes and accounts are text cells, amounts numbers shown with two decimals, the
// headers in Chinese and English. The control total sits in a labelled block right of
// the table, so that a SUM over the amount column counts every payee once and equals it.
// No cell is a formula. The document's creation time is the approval's, so the same rows
// give the same bytes (libxlsxwriter 1.1.4 stamps every zip member 1980-01-01).
#pragma once

#include "ledger/review_store.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace patsub::exports {

std::string treasury_workbook_name(std::int64_t batch_id);

// The yuan value of an amount as the workbook stores it: fen / 100.0. Throws
// std::range_error beyond 10^15 fen (10^13 yuan), where a double written with 15
// significant digits would no longer give back every fen.
double workbook_yuan(std::int64_t fen);

// The workbook's bytes. `approved_at` is the approval's ISO 8601 instant
// ("2026-01-05T03:00:00Z", or with an offset: "2026-01-05T11:00:00+08:00"); `scratch_dir` takes a temporary file while libxlsxwriter
// writes (it writes only to files). Throws std::runtime_error naming the file when
// libxlsxwriter fails.
std::string treasury_workbook(std::int64_t batch_id, const std::vector<ledger::TreasuryRow>& rows,
                              const std::string& approved_at, const std::filesystem::path& scratch_dir);

}  // namespace patsub::exports

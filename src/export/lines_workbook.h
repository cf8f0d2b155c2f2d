// The batch's lines as a workbook (`lines-<batch>.xlsx`, issue 13 point 5): every ledger
// line of one batch as typed cells for staff who sort and filter in Excel or WPS — ids,
// credit codes and clauses as text cells (8.10 stays 8.10), amounts as numbers in yuan
// with two decimals and in fen, status and reason as their codes with the Chinese words
// beside them. Text from outside (names, titles) goes through the formula guard like
// every CSV, so that editing a cell never turns "=..." into a formula. Written in
// libxlsxwriter's constant-memory mode row by row as the lines stream from the ledger,
// so a batch of a million lines does not hold them all.
#pragma once

#include "export/review_texts.h"
#include "ledger/ledger.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace patsub::exports {

std::string lines_workbook_name(std::int64_t batch_id);  // lines-<batch>.xlsx

// Writes `file` through a temporary beside it and a rename. Returns the number of lines.
// Throws std::runtime_error naming the file when libxlsxwriter fails.
std::int64_t write_lines_workbook(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts,
                                  const std::filesystem::path& file);

}  // namespace patsub::exports

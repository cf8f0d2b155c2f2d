// BatchOutputs: what a run leaves for people in OUT/batch-<id>/: ledger.csv (the
// batch's lines for a spreadsheet, ledger_extract.h), summary.txt (what the run said: the summary
// line, then every quarantined file and ignored inbox entry), review.html, and
// outputs.sha256 (sha256sum's format) naming the three. Everything is made from the
// ledger alone, each file written whole or not at all (OutputFile), so that the outputs
// of any committed batch can be written again: the next run and `patsub review` rewrite
// those found missing or changed (issue 18 point 5).
#pragma once

#include "batch/nightly_run.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace patsub::batch {

// summary.txt's text, recorded in the ledger with the batch.
std::string summary_text(const RunReport& r);

// Writes OUT/batch-<id>/ and returns the folder. Throws std::runtime_error when a file
// cannot be written.
std::filesystem::path write_batch_dir(ledger::Ledger& ledger, std::int64_t batch_id, const std::filesystem::path& out,
                                      const exports::ReviewTexts& texts);

// The batches (other than `except`) whose folder under OUT lacks a file or holds one that
// no longer matches outputs.sha256, written again; returns their ids. A file is hashed
// only when it is newer than the manifest, so a night costs what changed.
std::vector<std::int64_t> repair_batch_dirs(ledger::Ledger& ledger, const std::filesystem::path& out,
                                            const exports::ReviewTexts& texts, std::int64_t except = 0);

}  // namespace patsub::batch

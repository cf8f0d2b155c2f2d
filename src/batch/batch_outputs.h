// BatchOutputs: what a run leaves for people in OUT/batch-<id>/: ledger.csv (the
// batch's lines for a spreadsheet, ledger_extract.h), summary.txt (the summary line, then every
// quarantined file and ignored inbox entry) and review.html. All of it is made from the
// ledger after the batch committed, streamed line by line.
#pragma once

#include "batch/nightly_run.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"

namespace patsub::batch {

// Sets report.batch_dir. Throws std::runtime_error when a file cannot be written.
void write_batch_dir(ledger::Ledger& ledger, RunReport& report, const RunOptions& o, const exports::ReviewTexts& texts);

}  // namespace patsub::batch

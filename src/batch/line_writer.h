// LineWriter: the one door through which a batch's decisions reach the ledger. A
// decision that repeats what the ledger already says about the grant (the latest line)
// writes nothing, so running the same inbox again adds no line; what is written is
// counted for the run's summary.
#pragma once

#include "batch/nightly_run.h"
#include "ledger/decision_record.h"
#include "ledger/ledger.h"

#include <optional>

namespace patsub::batch {

class LineWriter {
  public:
    LineWriter(ledger::Ledger& l, RunReport& r) : ledger_(l), report_(r) {}

    void write(std::optional<ledger::LedgerLine> latest, ledger::LedgerLine line) {
        if (latest && ledger::repeats(*latest, line)) return;
        const auto status = line.status;
        const Money amount = line.amount;
        if (!ledger_.append(std::move(line))) return;  // the same money event, already written
        ++report_.lines;
        ++report_.lines_by_status[status];
        if (status == LineStatus::payable || status == LineStatus::recovery) report_.payable = report_.payable + amount;
    }

  private:
    ledger::Ledger& ledger_;
    RunReport& report_;
};

}  // namespace patsub::batch

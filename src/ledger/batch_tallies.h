// BatchTallies: a batch's lines counted and summed per status, clause, reason and payee,
// kept by the ledger as each line is written (014_batch_tallies.sql). The workbench's
// totals and filter menus and `patsub summary` read these few rows instead of a batch's
// lines (issue 13 point 6: a million-line batch); `verify` recomputes them from the lines.
#pragma once

#include "ledger/ledger.h"

#include <cstdint>
#include <string>
#include <vector>

namespace patsub::ledger {

struct BatchTally {
    std::string status, clause, reason, payee_uscc;
    std::int64_t lines = 0;
    std::int64_t fen = 0;
};

std::vector<BatchTally> batch_tallies(Ledger& ledger, std::int64_t batch_id);

// Every batch, status, clause, reason and payee whose kept tally differs from its lines,
// in words for `verify`; empty when they all agree.
std::vector<std::string> tally_breaches(Ledger& ledger);

}  // namespace patsub::ledger

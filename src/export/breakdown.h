// Breakdown: ledger lines counted and summed by one key (clause, status, district,
// month), for the review page's batch summary and `patsub summary`. Amounts stay in
// fen; payable and recovery amounts are kept apart so that a budget sees both.
#pragma once

#include "ledger/ledger_line.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace patsub::exports {

struct Tally {
    std::int64_t lines = 0;
    std::int64_t payable_lines = 0;
    std::int64_t payable_fen = 0;
    std::int64_t recovery_fen = 0;  // negative or zero

    void add(const ledger::LedgerLine& l);
    // `lines` lines of one status together worth `fen` (a batch's kept tally).
    void add(LineStatus status, std::int64_t lines, std::int64_t fen);
    std::int64_t net_fen() const { return payable_fen + recovery_fen; }
};

// Orders "8.2" before "8.10": runs of digits compare as numbers.
struct NaturalLess {
    bool operator()(const std::string& a, const std::string& b) const;
};

using Breakdown = std::map<std::string, Tally, NaturalLess>;

Breakdown break_down(const std::vector<ledger::LedgerLine>& lines,
                     const std::function<std::string(const ledger::LedgerLine&)>& key);

Tally total(const std::vector<ledger::LedgerLine>& lines);

}  // namespace patsub::exports

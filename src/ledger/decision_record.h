// How a Decision about a Grant becomes a ledger line: the contract's columns plus the
// reasoning (facts read, source, policy version, each check and its outcome) as JSON,
// so that `explain` and the review page print what the rules actually saw.
#pragma once

#include "classify/classification.h"
#include "decide/award_rules.h"
#include "decide/decision.h"
#include "ledger/ledger_line.h"
#include "model/grant.h"

#include <cstdint>
#include <string>

namespace patsub::ledger {

LedgerLine line_for(const Grant& g, const Classification& c, const Decision& d, const std::string& family,
                    std::int64_t batch_id, const std::string& created_at);

LedgerLine line_for_award(const Recognition& r, const Decision& d, std::int64_t batch_id,
                          const std::string& created_at);

// True when `next` would say nothing new after `latest` (same clause, status, reason,
// amount and payee): re-reading a grant or re-deciding a hold must not repeat its line.
bool repeats(const LedgerLine& latest, const LedgerLine& candidate);

}  // namespace patsub::ledger

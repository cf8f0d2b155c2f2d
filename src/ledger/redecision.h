// Redecision: which grants a run decides again because something written since their
// last line changed what they may earn: a recovery freeing a cap slot (policy.md reading
// 15) or a dispute closed on a payment that was taken back because of it (reading 16).
// The ledger answers with grant ids; deciding is the rules' business.
#pragma once

#include "ledger/ledger.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace patsub::ledger {

// Grants whose latest line is rejected `cap_reached` and that share a family with one of
// `recovered` (grant ids whose payment this run took back, or held before export because
// the payee left the registry: either frees the slot).
std::vector<std::string> capped_beside(Ledger& ledger, const std::vector<std::string>& recovered);

// Grants named by a dispute record batch_id read whose latest line is a recovery made
// because of an open dispute: decided again once the dispute is closed (a recovery for an
// abnormal application is final). Only a new dispute record can close a dispute, so
// only the batch's own records are looked at.
std::vector<std::string> recovered_for_dispute(Ledger& ledger, std::int64_t batch_id);

// Grants whose latest line is held for one of `reasons` (index ledger_lines_held), oldest
// first.
std::vector<std::string> held_for(Ledger& ledger, const std::vector<std::string>& reasons);

// Grants whose latest line is held and that batch_id's new facts concern: named by a
// dispute or abnormal record it read, recorded on the CN application of a grant it
// recorded first, or in the family of one (the family as it stands after the batch's
// merges). Oldest first.
std::vector<std::string> held_touched_by(Ledger& ledger, std::int64_t batch_id);

// Offices of the family whose payment under one of these clauses was taken back (each
// answered by its recovery line): what `explain` shows as recovered, not funded.
std::set<std::string> recovered_jurisdictions(Ledger& ledger, const std::string& family,
                                              const std::set<std::string>& cap_clauses);

}  // namespace patsub::ledger

// LedgerAudit: the invariants `patsub verify` checks over the whole ledger, each breach
// a sentence naming the line(s) concerned. It trusts nothing the writer promised: the
// hash chain is recomputed line by line, so an edit made behind patsub's back (the
// sqlite3 shell, a restored file) shows up here.
#pragma once

#include "ledger/breaches.h"
#include "ledger/ledger.h"
#include "model/date.h"

#include <functional>
#include <optional>

#include <set>
#include <string>
#include <vector>

namespace patsub::ledger {

struct AuditResult {
    std::int64_t lines = 0;
    Breaches breaches;
};

// The 8.5 cap as the policy states it: which clauses count and how many jurisdictions
// one family may be funded in.
struct CapRule {
    std::set<std::string> clauses;
    int max_jurisdictions = 0;
};

// The cap for a grant dated so (nullopt: no date known). The caller answers it from the
// policy (patsub::cap_for), so that verify reads 8.5 exactly as decide does.
using CapFor = std::function<CapRule(std::optional<Date>)>;

AuditResult audit(Ledger& ledger, const CapFor& cap_for);
// One cap for every grant (tests, and ledgers judged against a single limit).
AuditResult audit(Ledger& ledger, const CapRule& cap);

// Only the hash chain (line ids without gaps, each line chained to the one before and
// matching its hash): what `backup` checks on every copy before it counts as one.
AuditResult check_chain(Ledger& ledger);

}  // namespace patsub::ledger

// FamilyStore: the persisted family index of clause 8.5. Grants sharing any family key
// (decide/family_keys) are one family, transitively: linking a grant that shares keys
// with two families merges them (union by keys, the smallest family id surviving, so
// the result does not depend on arrival order). Funded jurisdictions are read from the
// ledger's payable lines, so the cap holds across all runs for ever.
#pragma once

#include "ledger/statement_cache.h"

#include <set>
#include <string>
#include <vector>

namespace patsub::ledger {

class Ledger;

class FamilyStore {
  public:
    explicit FamilyStore(Ledger& ledger);

    // Records the grant's keys and returns its family id (the grant must be in `grants`).
    std::string link(const std::string& grant_id, const std::vector<std::string>& keys);
    // "" when the grant was never linked.
    std::string family_of(const std::string& grant_id);
    std::vector<std::string> members(const std::string& family);
    // Offices with a standing payment (a payable line not answered by its recovery) under
    // one of these clauses for a member of the family.
    std::set<std::string> funded(const std::string& family, const std::set<std::string>& cap_clauses);

  private:
    StatementCache statements_;
};

}  // namespace patsub::ledger

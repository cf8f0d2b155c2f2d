// EmptyLedgerFacts: RuleFacts on a ledger that holds nothing yet: nothing paid, no family
// funded, no dispute or abnormal-application record. It answers "what would this grant
// earn before any run" (`patsub check --policy`, issue 14 point 7), as OpenFisca's
// /calculate answers for a situation described whole.
#pragma once

#include "decide/rule_facts.h"

namespace patsub {

class EmptyLedgerFacts final : public RuleFacts {
  public:
    bool paid(const std::string&, const std::string&, const std::string&) override { return false; }
    FamilyStanding family(const Grant& g, const std::set<std::string>&) override { return {"", {grant_id(g)}, {}}; }
    std::optional<DisputeStanding> dispute(const Grant&) override { return std::nullopt; }
    std::optional<AbnormalStanding> abnormal(const Grant&) override { return std::nullopt; }
    std::vector<SamePatent> same_application(const Grant&) override { return {}; }
};

}  // namespace patsub

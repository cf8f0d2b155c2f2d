// LedgerFacts: RuleFacts answered from the ledger database (payments, families,
// reference-list records) for the rules during a batch.
#pragma once

#include "decide/rule_facts.h"
#include "ledger/family_store.h"
#include "ledger/ledger.h"
#include "ledger/reference_store.h"

namespace patsub::batch {

class LedgerFacts : public RuleFacts {
  public:
    explicit LedgerFacts(ledger::Ledger& l) : ledger_(l), families_(l), references_(l) {}

    bool paid(const std::string& office, const std::string& number, const std::string& clause) override;
    int next_payment_round(const std::string& office, const std::string& number, const std::string& clause) override;
    FamilyStanding family(const Grant& g, const std::set<std::string>& cap_clauses) override;
    std::optional<DisputeStanding> dispute(const Grant& g) override;
    std::optional<AbnormalStanding> abnormal(const Grant& g) override;
    std::vector<SamePatent> same_application(const Grant& g) override;
    std::optional<std::pair<std::string, std::string>> former_payee(const Grant& g) override;

    // 8.9/8.10: the round the enterprise's next award under the clause would be, and
    // whether its last award stands (made, and not held before export because the
    // enterprise left the registry, reading 18).
    int next_award_round(const std::string& uscc, const std::string& clause);
    bool awarded(const std::string& uscc, const std::string& clause);

    ledger::FamilyStore& families() { return families_; }
    ledger::ReferenceStore& references() { return references_; }

  private:
    ledger::Ledger& ledger_;
    ledger::FamilyStore families_;
    ledger::ReferenceStore references_;
};

}  // namespace patsub::batch

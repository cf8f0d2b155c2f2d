// GrantRules: measure 8 applied to one classified grant. It names the payee, picks the
// clause and checks each condition in the order policy.md reads them, producing a
// Decision that carries its own reasoning. It knows nothing of files or SQLite: what
// it needs of the past comes through PaymentHistory.
#pragma once

#include "classify/classification.h"
#include "decide/decision.h"
#include "decide/payee_registry.h"
#include "model/grant.h"
#include "policy/policy.h"

#include <optional>
#include <string>

namespace patsub {

// What the rules ask of earlier runs.
class PaymentHistory {
  public:
    virtual ~PaymentHistory() = default;
    virtual bool paid(const std::string& grant_id, const std::string& clause) = 0;
};

class GrantRules {
  public:
    GrantRules(const Policy& policy, const PayeeRegistry& payees) : policy_(policy), payees_(payees) {}

    // nullopt: no patentee is, or looks like, a Kunming entity; the grant is out of
    // scope and gets no ledger line (policy.md reading 1).
    std::optional<Decision> decide(const Grant& g, const Classification& c, PaymentHistory& history) const;

  private:
    const Policy& policy_;
    const PayeeRegistry& payees_;
};

}  // namespace patsub

// GrantRules: measure 8 applied to one classified grant. It names the payee, picks the
// clause and checks each condition in the order policy.md reads them, producing a
// Decision that carries its own reasoning. Definitive outcomes (not a grant, wrong
// type, already paid, cap) come before holds (payee not registered, open dispute), so
// that a hold, once lifted, always means payment. It knows nothing of files or SQLite:
// what it needs of the past comes through RuleFacts.
#pragma once

#include "classify/classification.h"
#include "decide/decision.h"
#include "decide/payee_registry.h"
#include "decide/rule_facts.h"
#include "model/grant.h"
#include "policy/policy.h"

#include <optional>
#include <string>

namespace patsub {

class GrantRules {
  public:
    GrantRules(const Policy& policy, const PayeeRegistry& payees) : policy_(policy), payees_(payees) {}

    // Whether a grant concerns Kunming at all: a patentee is a registered payee or looks
    // like a Kunming entity (policy.md reading 1). Grants out of scope get no line.
    bool in_scope(const Grant& g) const;

    // nullopt: out of scope.
    std::optional<Decision> decide(const Grant& g, const Classification& c, RuleFacts& facts) const;

    // What a paid grant's payment becomes when later news arrives (policy.md reading 10):
    // a recovery of the paid amount when the clause's condition no longer holds (an open
    // dispute, an abnormal-application notice). `paid` is the amount of the payment.
    std::optional<Decision> recovery(const Grant& g, const std::string& clause_id, const std::string& policy_version,
                                     Money paid, RuleFacts& facts) const;

    // The amount the grant would earn if every condition held (0 when no clause pays it):
    // the first sort key when candidates compete for the last cap slots.
    Money prospective_amount(const Grant& g, const Classification& c) const;

  private:
    const Policy& policy_;
    const PayeeRegistry& payees_;
};

}  // namespace patsub

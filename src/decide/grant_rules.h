// GrantRules: measure 8 applied to one classified grant. It names the payee, picks the
// clause and checks each condition in the one order of policy.md reading 17: what the
// document is, when it was granted, whether this patent was paid already (under any
// publication of its application), who is paid, the exclusions (abnormal application,
// open dispute), then the 8.5 cap. The first check that fails gives the line its reason,
// so a disputed or unregistered grant is held before it ever meets the cap (reading 16).
// It knows nothing of files or SQLite: what it needs of the past comes through RuleFacts.
#pragma once

#include "classify/classification.h"
#include "decide/decision.h"
#include "decide/payee_registry.h"
#include "decide/rule_facts.h"
#include "model/date.h"
#include "model/grant.h"
#include "policy/policy.h"

#include <optional>
#include <string>

namespace patsub {

class GrantRules {
  public:
    // as_of: the run's day; a grant published after it waits (grant_after_as_of).
    // Without one (tests of a single rule) grant dates are not compared with a run's day.
    GrantRules(const Policy& policy, const PayeeRegistry& payees, std::optional<Date> as_of = std::nullopt)
        : policy_(policy), payees_(payees), as_of_(as_of) {}

    // Whether a grant concerns Kunming at all: a patentee is, or is nearly, a registered
    // payee, or looks like a Kunming entity (policy.md reading 1). Grants out of scope get
    // no line. Runs for every grant of a national file: no prefix search here.
    bool in_scope(const Grant& g) const;

    // nullopt: out of scope.
    std::optional<Decision> decide(const Grant& g, const Classification& c, RuleFacts& facts) const;

    // What a paid grant's payment becomes when later news arrives (policy.md reading 10):
    // a recovery of the paid amount when the clause's condition no longer holds (an open
    // dispute, an abnormal-application notice). `paid` is the amount of the payment,
    // `payment_event` its money key (the recovery answers that round of payment).
    std::optional<Decision> recovery(const Grant& g, const std::string& clause_id, const std::string& policy_version,
                                     Money paid, const std::string& payment_event, RuleFacts& facts) const;

    // The amount the grant would earn if every condition held (0 when no clause pays it):
    // the first sort key when candidates compete for the last cap slots.
    Money prospective_amount(const Grant& g, const Classification& c) const;

  private:
    const Policy& policy_;
    const PayeeRegistry& payees_;
    std::optional<Date> as_of_;
};

}  // namespace patsub

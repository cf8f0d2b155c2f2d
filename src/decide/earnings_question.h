// EarningsQuestion: "what would this document earn?" asked before any run (issue 14
// point 7), as OpenFisca's /calculate answers for a situation described whole: the rules
// of `patsub run` on a ledger that holds nothing (no payment, no family funded, no
// dispute), a given payee registry and, if given, the run's day. `patsub check --policy`
// and the workbench's check page both ask it.
#pragma once

#include "classify/classification.h"
#include "decide/grant_rules.h"
#include "decide/payee_registry.h"
#include "model/grant.h"
#include "model/money.h"
#include "policy/policy.h"

#include <optional>
#include <string>

namespace patsub {

// The decision's outcome, or out of scope (no Kunming patentee: a run writes no line).
struct WouldEarn {
    bool in_scope = false;
    std::string clause;
    std::string status;  // payable, held, rejected; "" when out of scope
    Money amount;
    std::string reason;
};

class EarningsQuestion {
  public:
    EarningsQuestion(const Policy& policy, PayeeRegistry payees, std::optional<Date> as_of);
    EarningsQuestion(const EarningsQuestion&) = delete;
    EarningsQuestion& operator=(const EarningsQuestion&) = delete;

    WouldEarn ask(const Grant& g, const Classification& c) const;

  private:
    PayeeRegistry payees_;
    GrantRules rules_;  // refers to payees_: declared after it
};

}  // namespace patsub

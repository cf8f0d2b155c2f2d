// AwardRules: clauses 8.9 and 8.10, the one-time awards to newly recognised IP
// demonstration and pilot enterprises. Once per enterprise per level, for ever; paid to
// the registered payee with that credit code. A recognition of year Y is judged under
// the policy version in force on Y-12-31 (the lists carry a year, not a day).
#pragma once

#include "decide/decision.h"
#include "decide/payee_registry.h"
#include "policy/policy.h"

#include <string>

namespace patsub {

struct Recognition {
    std::string uscc;
    std::string name;
    std::string recognition;  // "demonstration" or "pilot"
    int year = 0;
    std::string source;       // "enterprises/2023.csv:3"
};

class AwardRules {
  public:
    AwardRules(const Policy& policy, const PayeeRegistry& payees) : policy_(policy), payees_(payees) {}

    // already_awarded: the enterprise has a standing award under this level's clause.
    // round: the award's round, 2 and on after an award held before export because the
    // enterprise left the registry (policy.md reading 18); it names the money key.
    Decision decide(const Recognition& r, bool already_awarded, int round = 1) const;

  private:
    const Policy& policy_;
    const PayeeRegistry& payees_;
};

}  // namespace patsub

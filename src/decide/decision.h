// Decision: what the rules concluded about one grant (or one enterprise award), with the
// reasoning that led there. It is a value: the ledger stores it, `explain` and the
// review page print it, so "why this amount?" has one source of truth.
#pragma once

#include "model/line_status.h"
#include "model/money.h"
#include "model/payee.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patsub {

// One step of the reasoning: what was checked, whether it held, and the fact behind it.
struct Check {
    std::string what;    // "is a grant", "payee registered", "no rights dispute", ...
    bool holds = false;
    std::string detail;  // "kind B2 at US: utility patent with pre-grant publication"
};

// The family picture at decision time (clause 8.5), kept for "why this amount?".
struct CapStanding {
    std::string family;
    std::vector<std::string> members;
    std::vector<std::string> funded;  // jurisdictions funded before this decision
    int slots_left = 0;
};

struct Decision {
    std::string clause;  // "8.1"; empty when no clause could be named
    LineStatus status = LineStatus::rejected;
    Money amount;        // fen; non-zero only for payable and recovery lines
    std::string reason;  // stable code from contract.md; empty when payable
    std::string policy_version;
    std::optional<Payee> payee;
    std::string payee_name;  // when no registered payee: the name as printed
    std::string event_key;   // money lines only (payment_key, recovery_key, award_key)
    std::optional<CapStanding> cap;
    std::vector<Check> checks;
};

}  // namespace patsub

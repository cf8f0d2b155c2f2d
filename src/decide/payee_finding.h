// PayeeFinding: who among a grant's printed patentees the registry says is paid
// (policy.md readings 2 and 14). The first patentee whose printed name is exactly one
// registered payee is paid, unless an earlier patentee only nearly matched a registered
// name: then a person must say which company it is, because the program never pays a
// guess about who is printed first.
#pragma once

#include "decide/payee_registry.h"
#include "model/grant.h"
#include "policy/policy.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace patsub {

struct PayeeFinding {
    const Payee* payee = nullptr;                // the payee, when there is no doubt
    PayeeMatch::Kind doubt = PayeeMatch::Kind::none;  // near or ambiguous, else none
    std::vector<const Payee*> candidates;        // the registered payees in doubt
    const Party* doubted = nullptr;              // the patentee whose name is in doubt
    const Party* kunming_looking = nullptr;      // first unregistered patentee that looks Kunming
    // When nothing above holds: the payee (credit code, name) the grant's earlier lines
    // named, which the registry no longer lists (reading 18).
    std::optional<std::pair<std::string, std::string>> former_payee;

    bool in_scope() const { return payee || doubted || kunming_looking || former_payee; }
};

PayeeFinding find_payee(const Grant& g, const PayeeRegistry& payees, const PolicyVersion& v);

// Reading 1: an address, city or name that names Kunming (the policy's markers).
bool looks_kunming(const Party& p, const PolicyVersion& v);

// "91530102MA6PDC012R 昆明滇池智能装备有限公司, ...": the candidates as the review shows them.
std::string describe_candidates(const std::vector<const Payee*>& candidates);

}  // namespace patsub

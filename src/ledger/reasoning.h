// Reasoning: why a ledger line says what it says — the facts the rules read (the grant,
// or the enterprise's recognition), the policy version and clause, the family's cap
// standing and each check with its evidence. A line stores it as JSON (its `reasoning`
// column, hashed with the line); this type is that JSON's one schema. The decision
// writes it, and `explain`, the review page and the workbench read it back through it,
// so a key is named in one place only (reasoning.cpp).
#pragma once

#include "classify/classification.h"
#include "decide/award_rules.h"
#include "decide/decision.h"
#include "model/grant.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::ledger {

// The grant as the rules saw it, with where it was read.
struct ReasonedGrant {
    std::string id;
    std::string title;
    std::string date;  // ISO; "" when the document gave none
    std::string application_number;
    std::string declared_type;
    std::string kind_note;
    SourcePosition source;
    std::vector<Party> patentees;     // name, address, city, country
    std::vector<Priority> priorities;
    std::string pct_application;
};

struct Reasoning {
    std::optional<ReasonedGrant> grant;        // grant lines (8.1-8.8)
    std::optional<Recognition> recognition;    // award lines (8.9, 8.10)
    std::string policy_version;
    std::string clause;
    std::optional<CapStanding> family;  // 8.5, when the grant has a family
    std::vector<Check> checks;
};

Reasoning reasoning_for(const Grant& g, const Classification& c, const Decision& d);
Reasoning reasoning_for(const Recognition& r, const Decision& d);

// The stored text: compact JSON, keys in the order above.
std::string to_json_text(const Reasoning& r);
// nullopt when the text is not this schema's JSON (a damaged or foreign line).
std::optional<Reasoning> reasoning_from_json(std::string_view text);

}  // namespace patsub::ledger

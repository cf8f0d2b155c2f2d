#include "decide/grant_rules.h"

#include "decide/name_key.h"

#include <fmt/format.h>

namespace patsub {

namespace {

struct PayeeFinding {
    const Payee* payee = nullptr;         // first registered Kunming patentee (reading 2)
    const Party* kunming_looking = nullptr;  // first unregistered patentee that looks Kunming
};

bool looks_kunming(const Party& p, const PolicyVersion& v) {
    for (const auto& m : v.kunming_markers)
        if (contains_marker(p.name, m) || contains_marker(p.address, m) || contains_marker(p.city, m))
            return true;
    return false;
}

PayeeFinding find_payee(const Grant& g, const PayeeRegistry& payees, const PolicyVersion& v) {
    PayeeFinding f;
    for (const auto& p : g.patentees) {
        if (const Payee* match = payees.match(p)) {
            f.payee = match;
            return f;
        }
        if (!f.kunming_looking && looks_kunming(p, v)) f.kunming_looking = &p;
    }
    return f;
}

Decision rejected(Decision d, std::string reason) {
    d.status = LineStatus::rejected;
    d.reason = std::move(reason);
    d.amount = {};
    return d;
}

Decision held(Decision d, std::string reason) {
    d.status = LineStatus::held;
    d.reason = std::move(reason);
    d.amount = {};
    return d;
}

}  // namespace

std::optional<Decision> GrantRules::decide(const Grant& g, const Classification& c,
                                           PaymentHistory& history) const {
    const PolicyVersion& groups = policy_.nearest(g.date);
    const PayeeFinding who = find_payee(g, payees_, groups);
    if (!who.payee && !who.kunming_looking) return std::nullopt;

    Decision d;
    if (who.payee) {
        d.payee = *who.payee;
        d.checks.push_back({"Kunming payee", true,
                            fmt::format("patentee matches registered payee {} {} (district {})",
                                        who.payee->uscc, who.payee->name, who.payee->district)});
    } else {
        d.checks.push_back({"Kunming payee", false,
                            fmt::format("patentee '{}' looks like a Kunming entity but is not in the "
                                        "payee registry", who.kunming_looking->name)});
    }

    // Definitive outcomes first: a held line must be payable once its hold is lifted.
    if (!c.known_kind) {
        d.checks.push_back({"known kind code", false,
                            fmt::format("the kind-code table has no entry for {} {}", g.office, g.kind)});
        return rejected(std::move(d), "unknown_kind");
    }
    const PolicyLookup in_force = policy_.at(*g.date);
    const PolicyVersion& version = in_force.version ? *in_force.version : groups;
    d.policy_version = version.id;
    if (const Clause* clause = version.clause_for(c.type, c.jurisdiction)) d.clause = clause->id;

    d.checks.push_back({"is a grant", c.is_grant,
                        fmt::format("{} {} published {}: {}", g.office, g.kind, to_iso(*g.date), c.kind_note)});
    if (!c.is_grant) return rejected(std::move(d), "not_a_grant");

    if (in_force.outcome == PolicyLookup::Outcome::before_effective_date) {
        d.checks.push_back({"policy in force", false,
                            fmt::format("granted {}, before {} took effect on {}", to_iso(*g.date),
                                        version.id, to_iso(version.effective_from))});
        return rejected(std::move(d), "before_effective_date");
    }
    if (in_force.outcome == PolicyLookup::Outcome::no_policy_in_force) {
        d.checks.push_back({"policy in force", false,
                            fmt::format("no policy version is in force on {}", to_iso(*g.date))});
        d.policy_version.clear();
        return held(std::move(d), "no_policy_in_force");
    }
    d.checks.push_back({"policy in force", true,
                        fmt::format("{} in force since {}", version.id, to_iso(version.effective_from))});

    if (c.type == PatentType::design && c.jurisdiction != Jurisdiction::CN) {
        d.checks.push_back({"clause covers the type", false,
                            "measure 8 names no clause for designs granted outside CNIPA"});
        return rejected(std::move(d), "foreign_design");
    }
    const Clause* clause = version.clause_for(c.type, c.jurisdiction);
    if (!clause) {
        d.checks.push_back({"clause covers the type", false,
                            fmt::format("no clause pays a {} in jurisdiction {} ({})", to_string(c.type),
                                        to_string(c.jurisdiction), c.kind_note)});
        return rejected(std::move(d), "type_not_covered");
    }
    d.checks.push_back({"clause covers the type", true,
                        fmt::format("clause {}: {} in jurisdiction {} ({} fen)", clause->id,
                                    to_string(c.type), to_string(c.jurisdiction), clause->amount.fen)});

    if (history.paid(grant_id(g), clause->id)) {
        d.checks.push_back({"not paid before", false,
                            fmt::format("{} was already paid under clause {}", grant_id(g), clause->id)});
        return rejected(std::move(d), "already_paid");
    }
    d.checks.push_back({"not paid before", true, "no earlier payment under this clause"});

    if (!who.payee) return held(std::move(d), "payee_not_registered");

    for (Condition cond : version.conditions_of(*clause)) {
        // Dispute records and abnormal-application lists arrive as reference lists;
        // none of them names this grant.
        d.checks.push_back({std::string(to_string(cond)), true,
                            cond == Condition::no_dispute ? "no open rights dispute on record"
                                                          : "not on any abnormal-application list"});
    }

    d.status = LineStatus::payable;
    d.amount = clause->amount;
    return d;
}

}  // namespace patsub

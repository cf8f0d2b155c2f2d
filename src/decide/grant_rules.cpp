#include "decide/grant_rules.h"

#include "decide/name_key.h"

#include <fmt/format.h>

#include <algorithm>

namespace patsub {

namespace {

struct PayeeFinding {
    const Payee* payee = nullptr;            // first registered Kunming patentee (reading 2)
    const Party* kunming_looking = nullptr;  // first unregistered patentee that looks Kunming
};

bool looks_kunming(const Party& p, const PolicyVersion& v) {
    return std::any_of(v.kunming_markers.begin(), v.kunming_markers.end(), [&](const std::string& m) {
        return contains_marker(p.name, m) || contains_marker(p.address, m) || contains_marker(p.city, m);
    });
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

Decision finish(Decision d, LineStatus status, std::string reason) {
    d.status = status;
    d.reason = std::move(reason);
    d.amount = {};
    d.event_key.clear();
    return d;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out.empty() ? "none" : out;
}

std::set<std::string> cap_clauses(const PolicyVersion& v) {
    std::set<std::string> ids;
    for (const auto& c : v.clauses)
        if (c.counts_toward_cap) ids.insert(c.id);
    return ids;
}

}  // namespace

bool GrantRules::in_scope(const Grant& g) const {
    const PayeeFinding who = find_payee(g, payees_, policy_.nearest(g.date));
    return who.payee || who.kunming_looking;
}

Money GrantRules::prospective_amount(const Grant& g, const Classification& c) const {
    if (!g.date || !c.is_grant) return {};
    const PolicyLookup in_force = policy_.at(*g.date);
    if (!in_force.version) return {};
    const Clause* clause = in_force.version->clause_for(c.type, c.jurisdiction);
    return clause ? clause->amount : Money{};
}

std::optional<Decision> GrantRules::decide(const Grant& g, const Classification& c, RuleFacts& facts) const {
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
        d.payee_name = who.kunming_looking->name;
        d.checks.push_back({"Kunming payee", false,
                            fmt::format("patentee '{}' looks like a Kunming entity but is not in the "
                                        "payee registry", who.kunming_looking->name)});
    }

    if (!c.known_kind) {
        d.checks.push_back({"known kind code", false,
                            fmt::format("the kind-code table has no entry for {} {}", g.office, g.kind)});
        return finish(std::move(d), LineStatus::rejected, "unknown_kind");
    }
    const PolicyLookup in_force = policy_.at(*g.date);
    const PolicyVersion& version = in_force.version ? *in_force.version : groups;
    d.policy_version = version.id;
    if (const Clause* clause = version.clause_for(c.type, c.jurisdiction)) d.clause = clause->id;

    d.checks.push_back({"is a grant", c.is_grant,
                        fmt::format("{} {} published {}: {}", g.office, g.kind, to_iso(*g.date), c.kind_note)});
    if (!c.is_grant) return finish(std::move(d), LineStatus::rejected, "not_a_grant");

    if (in_force.outcome == PolicyLookup::Outcome::before_effective_date) {
        d.checks.push_back({"policy in force", false,
                            fmt::format("granted {}, before {} took effect on {}", to_iso(*g.date), version.id,
                                        to_iso(version.effective_from))});
        return finish(std::move(d), LineStatus::rejected, "before_effective_date");
    }
    if (in_force.outcome == PolicyLookup::Outcome::no_policy_in_force) {
        d.checks.push_back({"policy in force", false,
                            fmt::format("no policy version is in force on {}", to_iso(*g.date))});
        d.policy_version.clear();
        return finish(std::move(d), LineStatus::held, "no_policy_in_force");
    }
    d.checks.push_back({"policy in force", true,
                        fmt::format("{} in force since {} ({})", version.id, to_iso(version.effective_from),
                                    version.reference)});

    if (c.type == PatentType::design && c.jurisdiction != Jurisdiction::CN) {
        d.checks.push_back({"clause covers the type", false,
                            "measure 8 names no clause for designs granted outside CNIPA (reading 4)"});
        return finish(std::move(d), LineStatus::rejected, "foreign_design");
    }
    const Clause* clause = version.clause_for(c.type, c.jurisdiction);
    if (!clause) {
        d.checks.push_back({"clause covers the type", false,
                            fmt::format("no clause pays a {} in jurisdiction {} ({})", to_string(c.type),
                                        to_string(c.jurisdiction), c.kind_note)});
        return finish(std::move(d), LineStatus::rejected, "type_not_covered");
    }
    d.checks.push_back({"clause covers the type", true,
                        fmt::format("clause {}: {} in jurisdiction {}, {} fen: {}", clause->id, to_string(c.type),
                                    to_string(c.jurisdiction), clause->amount.fen, clause->text)});

    if (facts.paid(g.office, g.number, clause->id)) {
        d.checks.push_back({"not paid before", false,
                            fmt::format("{}{} was already paid under clause {} (reading 11)", g.office, g.number,
                                        clause->id)});
        return finish(std::move(d), LineStatus::rejected, "already_paid");
    }
    d.checks.push_back({"not paid before", true, "no earlier payment of this patent under this clause"});

    if (clause->counts_toward_cap) {
        FamilyStanding fam = facts.family(g, cap_clauses(version));
        CapStanding cap{fam.family, fam.members, {fam.funded.begin(), fam.funded.end()},
                        std::max(0, version.cap_jurisdictions - static_cast<int>(fam.funded.size()))};
        d.cap = cap;
        const std::string picture = fmt::format("family {} ({}), funded in: {}", fam.family, join(fam.members),
                                                join(cap.funded));
        if (fam.funded.count(g.office)) {
            d.checks.push_back({fmt::format("{} cap", version.cap_clause), false,
                                fmt::format("{} already funded for this family; {}", g.office, picture)});
            return finish(std::move(d), LineStatus::rejected, "already_funded_in_jurisdiction");
        }
        if (cap.slots_left == 0) {
            d.checks.push_back({fmt::format("{} cap", version.cap_clause), false,
                                fmt::format("{} of {} countries/regions already funded; {}", fam.funded.size(),
                                            version.cap_jurisdictions, picture)});
            return finish(std::move(d), LineStatus::rejected, "cap_reached");
        }
        d.checks.push_back({fmt::format("{} cap", version.cap_clause), true,
                            fmt::format("{} of {} slots left; {}", cap.slots_left, version.cap_jurisdictions, picture)});
    }

    const auto conditions = version.conditions_of(*clause);
    const bool needs_not_abnormal =
        std::find(conditions.begin(), conditions.end(), Condition::not_abnormal) != conditions.end();
    const bool needs_no_dispute =
        std::find(conditions.begin(), conditions.end(), Condition::no_dispute) != conditions.end();

    if (needs_not_abnormal) {
        if (auto a = facts.abnormal(g)) {
            d.checks.push_back({"not_abnormal", false,
                                fmt::format("application {} is on an abnormal-application list: notice {} of {} ({})",
                                            g.application_number, a->notice, to_iso(a->notice_date), a->source)});
            return finish(std::move(d), LineStatus::rejected, "abnormal_application");
        }
        d.checks.push_back({"not_abnormal", true, "not on any abnormal-application list received"});
    }

    if (!who.payee) return finish(std::move(d), LineStatus::held, "payee_not_registered");

    if (needs_no_dispute) {
        auto dispute = facts.dispute(g);
        if (dispute && dispute->open) {
            d.checks.push_back({"no_dispute", false,
                                fmt::format("rights dispute open since {} ({}): {}", to_iso(dispute->date),
                                            dispute->source, dispute->note)});
            return finish(std::move(d), LineStatus::held, "dispute_open");
        }
        d.checks.push_back({"no_dispute", true,
                            dispute ? fmt::format("dispute closed on {} ({})", to_iso(dispute->date), dispute->source)
                                    : std::string("no rights dispute on record")});
    }

    d.status = LineStatus::payable;
    d.amount = clause->amount;
    d.event_key = payment_key(g.office, g.number, clause->id);
    return d;
}

std::optional<Decision> GrantRules::recovery(const Grant& g, const std::string& clause_id,
                                             const std::string& policy_version, Money paid, RuleFacts& facts) const {
    const PolicyVersion* version = policy_.find(policy_version);
    if (!version) version = &policy_.nearest(g.date);
    const Clause* clause = nullptr;
    for (const auto& c : version->clauses)
        if (c.id == clause_id) clause = &c;
    if (!clause) return std::nullopt;

    Decision d;
    d.clause = clause_id;
    d.policy_version = version->id;
    d.checks.push_back({"paid", true, fmt::format("{}{} was paid {} fen under clause {}", g.office, g.number,
                                                   paid.fen, clause_id)});
    for (Condition cond : version->conditions_of(*clause)) {
        if (cond == Condition::no_dispute) {
            auto dispute = facts.dispute(g);
            if (dispute && dispute->open) {
                d.checks.push_back({"no_dispute", false,
                                    fmt::format("rights dispute opened {} ({}): {}", to_iso(dispute->date),
                                                dispute->source, dispute->note)});
                d.reason = "dispute_open";
            }
        } else if (auto a = facts.abnormal(g)) {
            d.checks.push_back({"not_abnormal", false,
                                fmt::format("application {} listed as abnormal: notice {} of {} ({})",
                                            g.application_number, a->notice, to_iso(a->notice_date), a->source)});
            d.reason = "abnormal_application";
        }
        if (!d.reason.empty()) break;
    }
    if (d.reason.empty()) return std::nullopt;
    d.status = LineStatus::recovery;
    d.amount = -paid;
    d.event_key = recovery_key(g.office, g.number, clause_id);
    return d;
}

}  // namespace patsub

#include "decide/grant_rules.h"

#include "decide/payee_finding.h"

#include <fmt/format.h>

#include <algorithm>

namespace patsub {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out.empty() ? "none" : out;
}

bool has(const std::vector<Condition>& conditions, Condition c) {
    return std::find(conditions.begin(), conditions.end(), c) != conditions.end();
}

// One grant's decision in the making: each step of reading 17 adds its checks and
// returns false when one fails. The first failure settles the outcome; the steps after
// it still run and add their checks, so that the reasoning lists every check (reading
// 17), except after (1): a document that is not a grant the measure names has no clause
// whose later checks would mean anything.
class Deciding {
  public:
    Deciding(const Grant& g, const Classification& c, RuleFacts& facts, const Policy& policy,
             const PolicyVersion& groups, std::optional<Date> as_of)
        : g_(g), c_(c), facts_(facts), policy_(policy), in_force_(policy.at(*g.date)),
          version_(in_force_.version ? *in_force_.version : groups), as_of_(as_of) {
        d_.policy_version = version_.id;
        clause_ = version_.clause_for(c.type, c.jurisdiction);
        if (clause_) d_.clause = clause_->id;
    }

    // Who the registry says is paid, recorded first so that every line names its payee;
    // whether that settles anything is step (4).
    void note_payee(const PayeeFinding& who) {
        if (who.payee) {
            d_.payee = *who.payee;
            check("Kunming payee", true,
                  fmt::format("patentee matches registered payee {} {} (district {})", who.payee->uscc,
                              who.payee->name, who.payee->district));
        } else if (who.doubted) {
            d_.payee_name = who.doubted->name;
            check("Kunming payee", false,
                  who.doubt == PayeeMatch::Kind::ambiguous
                      ? fmt::format("patentee '{}' equals the registered names of {} payees: {} (reading 14)",
                                    who.doubted->name, who.candidates.size(), describe_candidates(who.candidates))
                      : fmt::format("patentee '{}' is not a registered name or alias; near: {}; staff confirm a "
                                    "match by adding the name as an alias in the registry (reading 14)",
                                    who.doubted->name, describe_candidates(who.candidates)));
        } else if (who.kunming_looking) {
            d_.payee_name = who.kunming_looking->name;
            check("Kunming payee", false,
                  fmt::format("patentee '{}' looks like a Kunming entity but is not in the payee registry",
                              who.kunming_looking->name));
        } else {
            d_.payee_name = who.former_payee->second;
            check("Kunming payee", false,
                  fmt::format("no patentee is a registered payee: {} {}, the payee of this grant's earlier lines, "
                              "is not in the latest registry snapshot (reading 18)",
                              who.former_payee->first, who.former_payee->second));
        }
    }

    // (1) What the document is.
    bool document() {
        if (!c_.known_kind) {
            check("known kind code", false, fmt::format("the kind-code table has no entry for {} {}", g_.office, g_.kind));
            return stop(LineStatus::rejected, "unknown_kind");
        }
        if (!c_.kind_verified) {
            check("kind verified", false,
                  fmt::format("{} {}: {}; no source settles what the office means by this kind, so staff decide "
                              "(reading 4: special kinds are open to a staff override)",
                              g_.office, g_.kind, c_.kind_note));
            return stop(LineStatus::held, "kind_unverified");
        }
        check("is a grant", c_.is_grant,
              fmt::format("{} {} published {}: {}", g_.office, g_.kind, to_iso(*g_.date), c_.kind_note));
        if (!c_.is_grant) return stop(LineStatus::rejected, "not_a_grant");
        if (c_.type == PatentType::design && c_.jurisdiction != Jurisdiction::CN) {
            check("clause covers the type", false,
                  "measure 8 names no clause for designs granted outside CNIPA (reading 4)");
            return stop(LineStatus::rejected, "foreign_design");
        }
        if (!clause_) {
            check("clause covers the type", false,
                  fmt::format("no clause pays a {} in jurisdiction {} ({})", to_string(c_.type),
                              to_string(c_.jurisdiction), c_.kind_note));
            return stop(LineStatus::rejected, "type_not_covered");
        }
        check("clause covers the type", true,
              fmt::format("clause {}: {} in jurisdiction {}, {} fen: {}", clause_->id, to_string(c_.type),
                          to_string(c_.jurisdiction), clause_->amount.fen, clause_->text));
        return true;
    }

    // (2) When: the policy in force on the grant date, and a grant date the run has reached.
    bool when() {
        if (in_force_.outcome == PolicyLookup::Outcome::no_policy_in_force) {
            check("policy in force", false, fmt::format("no policy version is in force on {}", to_iso(*g_.date)));
            d_.policy_version.clear();
            return stop(LineStatus::held, "no_policy_in_force");
        }
        if (in_force_.outcome == PolicyLookup::Outcome::before_effective_date) {
            check("policy in force", false,
                  fmt::format("granted {}, before {} took effect on {}", to_iso(*g_.date), version_.id,
                              to_iso(version_.effective_from)));
            return stop(LineStatus::rejected, "before_effective_date");
        }
        check("policy in force", true,
              fmt::format("{} in force since {} ({})", version_.id, to_iso(version_.effective_from),
                          version_.reference));
        if (as_of_ && *g_.date > *as_of_) {
            check("granted by the run's day", false,
                  fmt::format("published {}, after this run's as-of date {}: decided again in the first run on or "
                              "after that day",
                              to_iso(*g_.date), to_iso(*as_of_)));
            return stop(LineStatus::held, "grant_after_as_of");
        }
        return true;
    }

    // (3) Identity: this patent, under this or any other publication of its application,
    // is paid once (readings 11 and 12).
    bool identity() {
        if (facts_.paid(g_.office, g_.number, clause_->id)) {
            check("not paid before", false,
                  fmt::format("{}{} was already paid under clause {} (reading 11)", g_.office, g_.number, clause_->id));
            return stop(LineStatus::rejected, "already_paid");
        }
        const auto same = facts_.same_application(g_);
        for (const auto& s : same) {
            if (s.type != c_.type || s.paid_clause.empty()) continue;
            check("not paid before", false,
                  fmt::format("application {} was already paid as {} under clause {}: one patent is paid once, "
                              "whatever publication it arrives under (reading 12)",
                              g_.application_number, s.grant_id, s.paid_clause));
            return stop(LineStatus::rejected, "already_paid");
        }
        for (const auto& s : same) {
            if (s.type == c_.type || !(s.recorded_before || !s.paid_clause.empty())) continue;
            check("one patent, one kind", false,
                  fmt::format("application {} is also published as {} ({}{}), but this publication is a {}: the "
                              "kinds disagree and a person must say which stands (reading 12)",
                              g_.application_number, s.grant_id, to_string(s.type),
                              s.paid_clause.empty() ? "" : ", paid under clause " + s.paid_clause,
                              to_string(c_.type)));
            return stop(LineStatus::held, "identity_conflict");
        }
        check("not paid before", true,
              same.empty() ? std::string("no earlier payment of this patent under this clause")
                           : fmt::format("no payment of application {} under any of its publications",
                                         g_.application_number));
        return true;
    }

    // (4) Who is paid.
    bool who(const PayeeFinding& who) {
        if (who.payee) return true;
        if (who.doubted)
            return stop(LineStatus::held,
                        who.doubt == PayeeMatch::Kind::ambiguous ? "payee_ambiguous" : "payee_name_mismatch");
        return stop(LineStatus::held, "payee_not_registered");
    }

    // (5) The exclusions the clause names: abnormal application (8.7, 8.8), open dispute.
    bool exclusions() {
        const auto conditions = version_.conditions_of(*clause_);
        if (has(conditions, Condition::not_abnormal)) {
            if (auto a = facts_.abnormal(g_)) {
                check("not_abnormal", false,
                      fmt::format("application {} is on an abnormal-application list: notice {} of {} ({})",
                                  g_.application_number, a->notice, to_iso(a->notice_date), a->source));
                return stop(LineStatus::rejected, "abnormal_application");
            }
            check("not_abnormal", true, "not on any abnormal-application list received");
        }
        if (has(conditions, Condition::no_dispute)) {
            auto dispute = facts_.dispute(g_);
            if (dispute && dispute->open) {
                check("no_dispute", false,
                      fmt::format("rights dispute open since {} ({}): {}", to_iso(dispute->date), dispute->source,
                                  dispute->note));
                return stop(LineStatus::held, "dispute_open");
            }
            check("no_dispute", true,
                  dispute ? fmt::format("dispute closed on {} ({})", to_iso(dispute->date), dispute->source)
                          : std::string("no rights dispute on record"));
        }
        return true;
    }

    // (6) The 8.5 cap: at most cap_jurisdictions countries or regions per family.
    bool cap() {
        const GrantCap rule = cap_for(policy_, g_.date);
        if (!rule.counting.count(clause_->id)) return true;
        FamilyStanding fam = facts_.family(g_, rule.counting);
        CapStanding cap{fam.family, fam.members, {fam.funded.begin(), fam.funded.end()},
                        std::max(0, rule.max_jurisdictions - static_cast<int>(fam.funded.size()))};
        d_.cap = cap;
        const std::string picture =
            fmt::format("family {} ({}), funded in: {}", fam.family, join(fam.members), join(cap.funded));
        const std::string what = fmt::format("{} cap", rule.clause);
        if (fam.funded.count(g_.office)) {
            check(what, false, fmt::format("{} already funded for this family; {}", g_.office, picture));
            return stop(LineStatus::rejected, "already_funded_in_jurisdiction");
        }
        if (cap.slots_left == 0) {
            check(what, false,
                  fmt::format("{} of {} countries/regions already funded; {}", fam.funded.size(),
                              rule.max_jurisdictions, picture));
            return stop(LineStatus::rejected, "cap_reached");
        }
        check(what, true,
              fmt::format("{} of {} slots left; {}", cap.slots_left, rule.max_jurisdictions, picture));
        return true;
    }

    bool settled() const { return settled_; }

    void pay() {
        d_.status = LineStatus::payable;
        d_.amount = clause_->amount;
        d_.event_key =
            payment_key(g_.office, g_.number, clause_->id, facts_.next_payment_round(g_.office, g_.number, clause_->id));
    }

    Decision result() && { return std::move(d_); }

  private:
    void check(std::string what, bool holds, std::string detail) {
        d_.checks.push_back({std::move(what), holds, std::move(detail)});
    }
    // The first failure settles the line; a later one only adds its check.
    bool stop(LineStatus status, std::string reason) {
        if (settled_) return false;
        settled_ = true;
        d_.status = status;
        d_.reason = std::move(reason);
        d_.amount = {};
        d_.event_key.clear();
        return false;
    }

    const Grant& g_;
    const Classification& c_;
    RuleFacts& facts_;
    const Policy& policy_;
    const PolicyLookup in_force_;
    const PolicyVersion& version_;
    const Clause* clause_ = nullptr;
    std::optional<Date> as_of_;
    Decision d_;
    bool settled_ = false;
};

}  // namespace

bool GrantRules::in_scope(const Grant& g) const {
    const PolicyVersion& v = policy_.nearest(g.date);
    return std::any_of(g.patentees.begin(), g.patentees.end(),
                       [&](const Party& p) { return payees_.knows_or_nearly_knows(p) || looks_kunming(p, v); });
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
    PayeeFinding who = find_payee(g, payees_, groups);
    if (!who.in_scope()) who.former_payee = facts.former_payee(g);
    if (!who.in_scope()) return std::nullopt;

    Deciding step(g, c, facts, policy_, groups, as_of_);
    step.note_payee(who);
    if (step.document()) {
        step.when();
        step.identity();
        step.who(who);
        step.exclusions();
        step.cap();
        if (!step.settled()) step.pay();
    }
    return std::move(step).result();
}

std::optional<Decision> GrantRules::recovery(const Grant& g, const std::string& clause_id,
                                             const std::string& policy_version, Money paid,
                                             const std::string& payment_event, RuleFacts& facts) const {
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
    d.event_key = recovery_key_for(payment_event);
    return d;
}

}  // namespace patsub

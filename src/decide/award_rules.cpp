#include "decide/award_rules.h"

#include "decide/rule_facts.h"

#include <fmt/format.h>

namespace patsub {

Decision AwardRules::decide(const Recognition& r, bool already_awarded, int round) const {
    Decision d;
    d.payee_name = r.name;
    d.checks.push_back({"recognition", true, fmt::format("{} recognised as {} enterprise in {} ({})", r.name,
                                                          r.recognition, r.year, r.source)});
    const Date judged{std::chrono::year{r.year}, std::chrono::December, std::chrono::day{31}};
    const PolicyLookup in_force = policy_.at(judged);
    const PolicyVersion& version = in_force.version ? *in_force.version : policy_.nearest(judged);
    d.policy_version = version.id;
    const Clause* clause = version.award_clause(r.recognition);
    if (clause) d.clause = clause->id;

    auto stop = [&](LineStatus s, const char* reason) {
        d.status = s;
        d.reason = reason;
        return d;
    };
    if (in_force.outcome == PolicyLookup::Outcome::before_effective_date) {
        d.checks.push_back({"policy in force", false, fmt::format("recognised {}, before {} took effect on {}",
                                                                  r.year, version.id, to_iso(version.effective_from))});
        return stop(LineStatus::rejected, "before_effective_date");
    }
    if (in_force.outcome == PolicyLookup::Outcome::no_policy_in_force) {
        d.checks.push_back({"policy in force", false, fmt::format("no policy version in force on {}", to_iso(judged))});
        d.policy_version.clear();
        return stop(LineStatus::held, "no_policy_in_force");
    }
    if (!clause) {
        d.checks.push_back({"clause covers the award", false,
                            fmt::format("{} names no clause for {} enterprises", version.id, r.recognition)});
        return stop(LineStatus::rejected, "type_not_covered");
    }
    d.checks.push_back({"clause covers the award", true,
                        fmt::format("clause {}: {} fen once: {}", clause->id, clause->amount.fen, clause->text)});
    if (already_awarded) {
        d.checks.push_back({"not awarded before", false,
                            fmt::format("{} was already awarded under clause {}", r.uscc, clause->id)});
        return stop(LineStatus::rejected, "already_paid");
    }
    const Payee* payee = payees_.by_uscc(r.uscc);
    if (!payee) {
        d.checks.push_back({"Kunming payee", false, fmt::format("{} {} is not in the payee registry", r.uscc, r.name)});
        return stop(LineStatus::held, "payee_not_registered");
    }
    d.payee = *payee;
    d.checks.push_back({"Kunming payee", true, fmt::format("registered payee {} (district {})", payee->name,
                                                           payee->district)});
    d.status = LineStatus::payable;
    d.amount = clause->amount;
    d.event_key = award_key(r.uscc, clause->id, round);
    return d;
}

}  // namespace patsub

// `patsub explain --db DB ID`: every line about a grant and the reasoning behind the
// latest one: facts read (with their source file), policy version and clause, each
// condition checked, the family and the jurisdictions already funded, cap slots left.
// The answer to "why this amount?" is this one command.
#include "cli/command.h"
#include "ledger/family_store.h"
#include "ledger/redecision.h"
#include "ledger/grant_lookup.h"
#include "ledger/ledger.h"
#include "ledger/reasoning.h"
#include "decide/name_key.h"
#include "parsers/ids/credit_code.h"
#include "model/money.h"
#include "policy/policy.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <map>
#include <memory>

namespace patsub::cli {

namespace {

struct ExplainOptions {
    std::filesystem::path db;
    std::filesystem::path policy;
    std::string id;
};

void print_facts(ledger::Ledger& ledger, const std::string& id) {
    const auto r = ledger.recorded_grant(id);
    if (!r) return;
    const Grant& g = r->grant;
    const auto iso = [](const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); };
    std::cout << fmt::format("{}  {} ({}), jurisdiction {}\n", id, g.title, to_string(r->type), to_string(r->jurisdiction));
    std::cout << fmt::format("  published {}; application {} filed {}; office's own type: {}\n", iso(g.date),
                             g.application_number, iso(g.application_date),
                             g.declared_type.empty() ? "-" : g.declared_type);
    if (!g.pct_application.empty()) std::cout << "  PCT application " << g.pct_application << '\n';
    for (const auto& s : ledger::sightings(ledger, id))
        std::cout << fmt::format("  read from {} (document {}, line {}) in batch {}\n", s.path, s.document, s.line,
                                 s.batch_id);
    int seq = 0;
    for (const auto& p : g.patentees) {
        std::string where = p.city;
        if (!p.country.empty()) where += (where.empty() ? "" : ", ") + p.country;
        std::cout << fmt::format("  patentee {}: {}{}\n", ++seq, p.name, where.empty() ? "" : " (" + where + ")");
    }
    for (const auto& p : g.priorities)
        std::cout << fmt::format("  priority {} {} of {}\n", p.country, p.number, p.date ? to_iso(*p.date) : "?");
}

// The version that made the latest decision, so that the cap and amounts shown are the
// ones that decided (issue 14 point 6), not the shipped file's newest.
const PolicyVersion& deciding_version(const Policy& policy, const std::vector<ledger::LedgerLine>& lines,
                                      const std::optional<Date>& grant_date) {
    if (!lines.empty())
        if (const PolicyVersion* v = policy.find(lines.back().policy_version)) return *v;
    return policy.nearest(grant_date);
}

void print_family(ledger::Ledger& ledger, const std::string& id, const PolicyVersion& v) {
    ledger::FamilyStore families(ledger);
    const auto family = families.family_of(id);
    if (family.empty()) return;
    std::string members;
    for (const auto& m : families.members(family)) members += (members.empty() ? "" : ", ") + m;
    std::cout << fmt::format("  family {}: {}\n", family, members);
    const GrantCap cap = cap_of(v);
    const auto& cap_clauses = cap.counting;
    const auto funded = families.funded(family, cap_clauses);
    std::string list;
    for (const auto& f : funded) list += (list.empty() ? "" : ", ") + f;
    std::cout << fmt::format("  funded under {} so far: {}; slots left: {} of {} (clause {}, policy {})\n",
                             fmt::join(cap_clauses, "/"), list.empty() ? "none" : list,
                             std::max(0, cap.max_jurisdictions - static_cast<int>(funded.size())),
                             cap.max_jurisdictions, cap.clause, cap.version);
    // A payment taken back frees its slot (policy.md reading 15): shown, not counted.
    std::string recovered;
    for (const auto& r : ledger::recovered_jurisdictions(ledger, family, cap_clauses))
        if (!funded.count(r)) recovered += (recovered.empty() ? "" : ", ") + r;
    if (!recovered.empty()) std::cout << fmt::format("  recovered (slot freed): {}\n", recovered);
}

// The clause as the measures word it, in the version that decided.
void print_clause_text(const PolicyVersion& v, const std::string& clause) {
    for (const auto& c : v.clauses)
        if (c.id == clause && !c.text.empty())
            std::cout << fmt::format("  clause {} ({}): {} — {} CNY\n", c.id, v.id, c.text, to_yuan(c.amount));
}

void print_lines(const std::vector<ledger::LedgerLine>& lines) {
    std::cout << "\n  line batch clause  status    amount CNY  reason                          payee\n";
    for (const auto& l : lines)
        std::cout << fmt::format("  {:>4} {:>5} {:<7} {:<9} {:>11}  {:<31} {} {}\n", l.line_id, l.batch_id, l.clause,
                                 to_string(l.status), to_yuan(l.amount), l.reason, l.payee_uscc, l.payee_name);
}

void print_reasoning(const ledger::LedgerLine& l) {
    std::cout << fmt::format("\nwhy line {} says {} {} CNY{}{} (policy {}):\n", l.line_id, to_string(l.status),
                             to_yuan(l.amount), l.clause.empty() ? "" : " under clause ", l.clause,
                             l.policy_version.empty() ? "none in force" : l.policy_version);
    const auto r = ledger::reasoning_from_json(l.reasoning);
    if (!r) {
        std::cout << "  (reasoning unreadable: " << l.reasoning << ")\n";
        return;
    }
    if (r->family)
        std::cout << fmt::format("  at decision time: family {}, funded in {}, {} slot(s) left\n", r->family->family,
                                 r->family->funded.empty() ? "none" : fmt::format("{}", fmt::join(r->family->funded, ", ")),
                                 r->family->slots_left);
    for (const auto& c : r->checks) std::cout << fmt::format("  [{}] {}: {}\n", c.holds ? "x" : " ", c.what, c.detail);
    if (!l.reason.empty()) std::cout << "  => " << to_string(l.status) << ": " << l.reason << '\n';
}

// The award lines (8.9, 8.10) of the enterprise named by credit code or name, each with
// the recognition row it was decided on. False when no award line names it.
bool explain_enterprise(ledger::Ledger& ledger, const Policy& policy, const std::string& who) {
    ledger::LineFilter f;
    f.grant_id = "";
    const auto code = ids::parse_credit_code(who);
    if (code) f.payee_uscc = code->text;
    const std::string key = name_key(who);
    std::vector<ledger::LedgerLine> lines;
    ledger.for_each_line(f, [&](ledger::LedgerLine&& l) {
        if (code || name_key(l.payee_name) == key) lines.push_back(std::move(l));
    });
    if (lines.empty()) return false;
    std::map<std::string, std::vector<ledger::LedgerLine>> by_award;
    for (auto& l : lines) by_award[l.payee_uscc + " " + l.clause].push_back(std::move(l));
    for (const auto& [award, award_lines] : by_award) {
        const auto& latest = award_lines.back();
        std::cout << fmt::format("{} {}: award under clause {}\n", latest.payee_uscc, latest.payee_name,
                                 latest.clause.empty() ? "-" : latest.clause);
        const auto r = ledger::reasoning_from_json(latest.reasoning);
        if (r && r->recognition)
            std::cout << fmt::format("  recognised {} in {} ({}), read from {}\n", r->recognition->recognition,
                                     r->recognition->year, r->recognition->name, r->recognition->source);
        const PolicyVersion* v = policy.find(latest.policy_version);
        if (v) print_clause_text(*v, latest.clause);
        print_lines(award_lines);
        print_reasoning(latest);
        std::cout << '\n';
    }
    return true;
}

}  // namespace

void add_explain_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ExplainOptions>();
    auto* cmd = app.add_subcommand("explain", "Every line about a grant, and why the latest one says what it says");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--policy", o->policy, "policy file, for the cap (default: policy in patsub.conf, else the shipped policy)");
    cmd->add_option("id", o->id,
                    "grant id (US11223344B2), publication id (EP 3 456 789 B1), CN application number, or an "
                    "enterprise's credit code or name (its 8.9/8.10 award lines)")
        ->required();
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db, ledger::Ledger::Access::read_only);
            const auto policy_path =
                o->policy.empty() ? settings.policy : o->policy;
            const Policy policy = Policy::load(policy_path, settings.layout.policy_schema());
            const auto grants = ledger::find_grants(ledger, o->id);
            if (grants.empty()) {
                if (explain_enterprise(ledger, policy, o->id)) return Outcome::done;
                throw UsageError("no grant or enterprise in the ledger matches '" + o->id + "'");
            }
            for (const auto& id : grants) {
                print_facts(ledger, id);
                ledger::LineFilter f;
                f.grant_id = id;
                const auto lines = ledger.lines(f);
                const auto recorded = ledger.recorded_grant(id);
                const PolicyVersion& v =
                    deciding_version(policy, lines, recorded ? recorded->grant.date : std::optional<Date>());
                print_family(ledger, id, v);
                if (lines.empty()) {
                    std::cout << "\n  no ledger line: out of scope\n";
                    continue;
                }
                print_clause_text(v, lines.back().clause);
                print_lines(lines);
                print_reasoning(lines.back());
                std::cout << '\n';
            }
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

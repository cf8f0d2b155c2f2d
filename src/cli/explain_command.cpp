// `patsub explain --db DB ID`: every line about a grant and the reasoning behind the
// latest one: facts read (with their source file), policy version and clause, each
// condition checked, the family and the jurisdictions already funded, cap slots left.
// The answer to "why this amount?" is this one command.
#include "cli/command.h"
#include "ledger/family_store.h"
#include "ledger/grant_lookup.h"
#include "ledger/ledger.h"
#include "model/money.h"
#include "policy/policy.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

struct ExplainOptions {
    std::filesystem::path db;
    std::filesystem::path policy;
    std::string id;
};

std::string text(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

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

void print_family(ledger::Ledger& ledger, const std::string& id, const Policy* policy) {
    ledger::FamilyStore families(ledger);
    const auto family = families.family_of(id);
    if (family.empty()) return;
    std::string members;
    for (const auto& m : families.members(family)) members += (members.empty() ? "" : ", ") + m;
    std::cout << fmt::format("  family {}: {}\n", family, members);
    if (!policy) return;
    const PolicyVersion& v = policy->versions().back();
    std::set<std::string> cap_clauses;
    for (const auto& c : v.clauses)
        if (c.counts_toward_cap) cap_clauses.insert(c.id);
    const auto funded = families.funded(family, cap_clauses);
    std::string list;
    for (const auto& f : funded) list += (list.empty() ? "" : ", ") + f;
    std::cout << fmt::format("  funded under {} so far: {}; slots left: {} of {} (clause {})\n",
                             fmt::join(cap_clauses, "/"), list.empty() ? "none" : list,
                             std::max(0, v.cap_jurisdictions - static_cast<int>(funded.size())), v.cap_jurisdictions,
                             v.cap_clause);
}

void print_lines(const std::vector<ledger::LedgerLine>& lines) {
    std::cout << "\n  line batch clause  status    amount CNY  reason                          payee\n";
    for (const auto& l : lines)
        std::cout << fmt::format("  {:>4} {:>5} {:<7} {:<9} {:>11}  {:<31} {} {}\n", l.line_id, l.batch_id, l.clause,
                                 l.status, to_yuan(Money{l.amount_fen}), l.reason, l.payee_uscc, l.payee_name);
}

void print_reasoning(const ledger::LedgerLine& l) {
    std::cout << fmt::format("\nwhy line {} says {} {} CNY{}{} (policy {}):\n", l.line_id, l.status,
                             to_yuan(Money{l.amount_fen}), l.clause.empty() ? "" : " under clause ", l.clause,
                             l.policy_version.empty() ? "none in force" : l.policy_version);
    const auto j = nlohmann::json::parse(l.reasoning, nullptr, false);
    if (j.is_discarded()) {
        std::cout << "  (reasoning unreadable: " << l.reasoning << ")\n";
        return;
    }
    if (auto fam = j.find("family"); fam != j.end()) {
        std::string funded;
        for (const auto& f : (*fam)["funded_jurisdictions"]) funded += (funded.empty() ? "" : ", ") + f.get<std::string>();
        std::cout << fmt::format("  at decision time: family {}, funded in {}, {} slot(s) left\n", text(*fam, "id"),
                                 funded.empty() ? "none" : funded, (*fam)["slots_left"].get<int>());
    }
    for (const auto& c : j["checks"])
        std::cout << fmt::format("  [{}] {}: {}\n", c["holds"].get<bool>() ? "x" : " ", text(c, "check"),
                                 text(c, "detail"));
    if (!l.reason.empty()) std::cout << "  => " << l.status << ": " << l.reason << '\n';
}

}  // namespace

void add_explain_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ExplainOptions>();
    auto* cmd = app.add_subcommand("explain", "Every line about a grant, and why the latest one says what it says");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--policy", o->policy, "policy file, for the cap (default: policy in patsub.conf, else the shipped policy)");
    cmd->add_option("id", o->id, "grant id (US11223344B2), publication id (EP 3 456 789 B1) or CN application number")
        ->required();
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db, ledger::Ledger::Access::read_only);
            const auto grants = ledger::find_grants(ledger, o->id);
            if (grants.empty()) throw UsageError("no grant in the ledger matches '" + o->id + "'");
            const auto policy_path =
                o->policy.empty() ? settings.policy : o->policy;
            const Policy policy = Policy::load(policy_path, settings.layout.policy_schema());
            for (const auto& id : grants) {
                print_facts(ledger, id);
                print_family(ledger, id, &policy);
                ledger::LineFilter f;
                f.grant_id = id;
                const auto lines = ledger.lines(f);
                if (lines.empty()) {
                    std::cout << "\n  no ledger line: out of scope\n";
                    continue;
                }
                print_lines(lines);
                print_reasoning(lines.back());
                std::cout << '\n';
            }
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

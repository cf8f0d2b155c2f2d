// `patsub verify`: the ledger's invariants and integrity; a breach is a non-zero exit.
#include "cli/command.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger_audit.h"
#include "ledger/payee_store.h"
#include "policy/policy.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace patsub::cli {

void add_verify_command(CLI::App& app, Action& action) {
    auto db = std::make_shared<std::filesystem::path>();
    auto policy_file = std::make_shared<std::filesystem::path>();
    auto anchors = std::make_shared<std::filesystem::path>();
    auto* cmd = app.add_subcommand("verify", "Check the ledger's invariants and hash chain");
    cmd->add_option("--db", *db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--policy", *policy_file, "policy file, for the 8.5 cap (default: policy in patsub.conf, else the shipped policy)");
    cmd->add_option("--anchors", *anchors, "anchor log to prove against (default: the one this ledger anchors to)")
        ->check(CLI::ExistingFile);
    cmd->callback([&action, db, policy_file, anchors] {
        action = [db, policy_file, anchors](const config::Settings& settings) {
            *db = flag_or_setting(*db, settings.db, "--db", "db", settings);
            const auto path = policy_file->empty() ? settings.policy : *policy_file;
            const Policy policy = Policy::load(path, settings.layout.policy_schema());
            // Each payment meets the cap of its own grant, read as decide reads it.
            const ledger::CapFor cap = [&policy](std::optional<Date> grant_date) {
                GrantCap c = cap_for(policy, grant_date);
                return ledger::CapRule{std::move(c.counting), c.max_jurisdictions};
            };
            ledger::Ledger ledger(*db, ledger::Ledger::Access::read_only);
            auto r = ledger::audit(ledger, cap);
            std::filesystem::path log_file = *anchors;
            if (log_file.empty())
                log_file = ledger.chain().setting("anchor_log").value_or("");
            std::size_t anchored = 0;
            if (!log_file.empty()) {
                const auto found = ledger::check_anchors(ledger, ledger::AnchorLog(log_file));
                anchored = found.anchors;
                r.breaches.append(found.breaches);
                for (const auto& n : found.notes) std::cout << "NOTE " << n << '\n';
            }
            // The treasury audit shows every change of bank details beside the checks of
            // the accounts exported (issue 12 point 4).
            for (const auto& c : ledger::PayeeStore(ledger).all_bank_changes())
                std::cout << fmt::format("NOTE payee {}: bank account {} {} -> {} {} (registry {}, batch {}, {})\n",
                                         c.uscc, c.old_bank_name, c.old_bank_account, c.new_bank_name,
                                         c.new_bank_account, c.registry_path, c.batch_id, c.at);
            for (const auto& b : r.breaches) std::cout << "BREACH " << b << '\n';
            if (r.breaches.unlisted() > 0)
                std::cout << fmt::format("NOTE {} more breaches not listed: the first {} found are\n",
                                         r.breaches.unlisted(), ledger::Breaches::kListed);
            std::cout << r.lines << " lines checked, " << anchored << " anchors checked, " << r.breaches.size()
                      << " breaches\n";
            return r.breaches.empty() ? Outcome::done : Outcome::needs_attention;
        };
    });
}

}  // namespace patsub::cli

// `patsub verify`: the ledger's invariants and integrity; a breach is a non-zero exit.
#include "cli/command.h"
#include "ledger/ledger_audit.h"

#include <iostream>
#include <memory>

namespace patsub::cli {

void add_verify_command(CLI::App& app, Action& action) {
    auto db = std::make_shared<std::filesystem::path>();
    auto* cmd = app.add_subcommand("verify", "Check the ledger's invariants and hash chain");
    cmd->add_option("--db", *db, "ledger database")->required()->check(CLI::ExistingFile);
    cmd->callback([&action, db] {
        action = [db] {
            ledger::Ledger ledger(*db, ledger::Ledger::Access::read_only);
            const auto r = ledger::audit(ledger);
            for (const auto& b : r.breaches) std::cout << "BREACH " << b << '\n';
            std::cout << r.lines << " lines checked, " << r.breaches.size() << " breaches\n";
            return r.breaches.empty() ? Outcome::done : Outcome::needs_attention;
        };
    });
}

}  // namespace patsub::cli

// `patsub init`: the only way a ledger comes into being. Every other command refuses a
// path where no ledger is, so that a volume that failed to mount never starts a fresh
// ledger that pays the whole inbox again.
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/ledger.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace patsub::cli {

void add_init_command(CLI::App& app, Action& action) {
    auto db = std::make_shared<std::filesystem::path>();
    auto* cmd = app.add_subcommand("init", "Create a new, empty ledger (refused where any file exists)");
    cmd->add_option("--db", *db, "path of the new ledger database (default: db in patsub.conf)");
    cmd->callback([&action, db] {
        action = [db](const config::Settings& settings) {
            *db = flag_or_setting(*db, settings.db, "--db", "db", settings);
            const ledger::LedgerOrigin origin{host_name(), os_user(), utc_instant(now())};
            ledger::Ledger ledger(*db, ledger::Ledger::Access::create);
            ledger.record_origin(origin);
            std::cout << fmt::format("ledger created: {} (host {}, user {}, {})\n", db->string(), origin.host,
                                     origin.os_user, origin.created_at);
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

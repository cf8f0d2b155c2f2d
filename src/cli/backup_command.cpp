// `patsub backup`: the consistent ledger copy cron takes before each nightly run.
#include "cli/command.h"
#include "ledger/ledger_backup.h"

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {
struct BackupOptions {
    std::filesystem::path db;
    std::filesystem::path to;
    int keep = 7;
};
}  // namespace

void add_backup_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<BackupOptions>();
    auto* cmd = app.add_subcommand("backup", "Copy the ledger consistently (VACUUM INTO), keeping the newest N copies");
    cmd->add_option("--db", o->db, "ledger database")->required();
    cmd->add_option("--to", o->to, "backup folder")->required();
    cmd->add_option("--keep", o->keep, "copies to keep (default 7)");
    cmd->callback([&action, o] {
        action = [o] {
            std::cout << "backup: " << ledger::back_up(o->db, o->to, o->keep).string() << '\n';
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

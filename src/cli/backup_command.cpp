// `patsub backup`: the verified ledger copy cron takes before each nightly run.
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
    auto* cmd = app.add_subcommand("backup", "Copy the ledger consistently (VACUUM INTO), verify the copy, keep the newest N verified copies");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--to", o->to, "backup folder (default: backups in patsub.conf)");
    cmd->add_option("--keep", o->keep, "copies to keep (default 7)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->to = flag_or_setting(o->to, settings.backups, "--to", "backups", settings);
            const auto copy = ledger::back_up(o->db, o->to, o->keep);  // before anything is printed
            std::cout << "backup: " << copy.string() << " (verified: integrity_check, hash chain)\n";
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

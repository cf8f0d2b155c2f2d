// `patsub backup`: the verified ledger copy taken before each nightly run; with --chain,
// the nightly's chain of a weekly full page copy and nightly page increments.
#include "cli/command.h"
#include "ledger/backup_chain.h"
#include "ledger/ledger_backup.h"

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {
struct BackupOptions {
    std::filesystem::path db;
    std::filesystem::path to;
    int keep = 7;
    bool chain = false;
    int full_every = 7;
};
}  // namespace

void add_backup_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<BackupOptions>();
    auto* cmd = app.add_subcommand("backup", "Copy the ledger page for page (writers wait while it is read), verify the copy, keep the newest N verified copies; "
                                             "with --chain, a full page copy every N nights and only the changed pages the other nights");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--to", o->to, "backup folder (default: backups in patsub.conf)");
    cmd->add_option("--keep", o->keep, "copies to keep (default 7); with --chain, restore points to keep, whole chains only");
    cmd->add_flag("--chain", o->chain,
                  "the nightly's backup: a chain-<UTC> folder holding a verified full page copy, then one increment "
                  "of changed pages per night (`patsub restore` rebuilds the ledger)");
    cmd->add_option("--full-every", o->full_every, "with --chain: nights per chain, so a full copy every N nights (default 7)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->to = flag_or_setting(o->to, settings.backups, "--to", "backups", settings);
            if (!o->chain) {
                const auto copy = ledger::back_up(o->db, o->to, o->keep);  // before anything is printed
                std::cout << "backup: " << copy.string() << " (verified: quick_check, hash chain)\n";
                return Outcome::done;
            }
            const auto made = ledger::back_up_chain(o->db, o->to, o->keep, o->full_every);
            if (made.full)
                std::cout << "backup: " << made.file.string() << " (full page copy of " << made.pages
                          << " pages, verified: quick_check, hash chain; " << made.bytes_written << " bytes written)\n";
            else
                std::cout << "backup: " << made.file.string() << " (" << made.changed << " of " << made.pages
                          << " pages changed; " << made.bytes_written << " bytes written)\n";
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

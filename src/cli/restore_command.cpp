// `patsub restore`: a ledger rebuilt from one of the nightly's backup chains, checked at
// every step and verified before it appears at the path asked for.
#include "cli/command.h"
#include "ledger/backup_restore.h"

#include <iostream>
#include <memory>
#include <optional>

namespace patsub::cli {

namespace {
struct RestoreOptions {
    std::filesystem::path from;
    std::filesystem::path db;
    std::optional<std::int64_t> upto;
};
}  // namespace

void add_restore_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<RestoreOptions>();
    auto* cmd = app.add_subcommand("restore", "Rebuild a ledger from a backup chain (full copy + increments), check every "
                                              "step against its digest, verify it, write it to a new path");
    cmd->add_option("--from", o->from, "the chain: BACKUPS/chain-<UTC>")->required();
    cmd->add_option("--db", o->db, "the ledger to write (must not exist)")->required();
    cmd->add_option("--upto", o->upto, "apply increments 1..N only (0: the full copy alone); default: all the chain counts");
    cmd->callback([&action, o] {
        action = [o](const config::Settings&) {
            const auto r = ledger::restore_chain(o->from, o->db, o->upto);
            std::cout << "restored: " << o->db.string() << " from " << o->from.string() << " (full copy + "
                      << r.increments << " increments, " << r.pages << " pages, digest " << r.digest.substr(0, 16)
                      << "; verified: digests, integrity_check, hash chain)\n"
                      << "Before it takes the live ledger's place: patsub verify --db " << o->db.string()
                       << " (checks it against the anchor log it recorded); the next writing command refuses it "
                         "while it lacks the newest anchored head (patsub recover-anchor records why)\n";
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

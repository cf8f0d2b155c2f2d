// `patsub acknowledge`: an operator has looked at a quarantined file. Until then every
// nightly lists it and exits 1; the ledger keeps who (the OS user, not a typed name),
// why and when.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/ledger.h"
#include "ledger/quarantine_store.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

struct AcknowledgeOptions {
    std::filesystem::path db;
    std::string file;
    std::string why;
};

}  // namespace

void add_acknowledge_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<AcknowledgeOptions>();
    auto* cmd = app.add_subcommand("acknowledge", "Record that an operator has dealt with a quarantined file");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--file", o->file, "the quarantined file as runs show it, e.g. grants/x.xml")->required();
    cmd->add_option("--why", o->why, "what was done about it")->required();
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            if (o->why.find_first_not_of(" \t\r\n") == std::string::npos)
                throw UsageError("acknowledge: --why must say what was done about the file");
            const batch::RunLock lock(o->db);
            ledger::Ledger ledger(o->db);
            const auto done = ledger::acknowledge_quarantine(ledger, {o->file, os_user(), o->why, utc_instant(now())});
            if (done.empty()) {
                std::string waiting;
                for (const auto& q : ledger::unacknowledged_quarantines(ledger)) waiting += "\n  " + q.path;
                throw UsageError(fmt::format("acknowledge: no unacknowledged quarantined file '{}' in {}{}", o->file,
                                             o->db.string(),
                                             waiting.empty() ? std::string("; none is waiting")
                                                             : "; waiting:" + waiting));
            }
            for (const auto& q : done)
                std::cout << fmt::format("acknowledged: {} (batch {}, sha256 {}) by {}: {}\n", q.path, q.batch_id,
                                         q.sha256, os_user(), o->why);
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

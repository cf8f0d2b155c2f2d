// `patsub recover-anchor`: an operator states, on the record, why the ledger no longer
// holds the newest head of its anchor log (a restore after a disk failure, say). The
// statement becomes a chain event (who, from which host, why, what the ledger lacks) and
// the anchor log gains the ledger's head, so writing commands work again; `verify
// --anchors` keeps naming the lost heads, as acknowledged.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

namespace patsub::cli {

namespace {

struct RecoverOptions {
    std::filesystem::path db;
    std::optional<std::filesystem::path> anchors;
    std::string why;
};

}  // namespace

void add_recover_anchor_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<RecoverOptions>();
    auto* cmd = app.add_subcommand("recover-anchor",
                                   "Record why the ledger lacks its newest anchored head, so that it may be written again");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)")->check(CLI::ExistingFile);
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to)");
    cmd->add_option("--why", o->why, "why the ledger is behind its anchors (kept in the chain)")->required();
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            if (o->why.find_first_not_of(" \t") == std::string::npos) throw UsageError("--why may not be empty");
            const batch::RunLock lock(o->db);
            ledger::Ledger ledger(o->db);
            const auto log = ledger::anchor_log_for(ledger, o->anchors,
                                                    std::filesystem::absolute(o->db).parent_path() / "anchors.log");
            const auto behind = ledger::behind_anchors(ledger, log);
            if (!behind) {
                std::cout << fmt::format("the ledger holds the newest head of {}: nothing to recover\n",
                                         log.file().string());
                return Outcome::done;
            }
            const std::string at = ledger::utc_timestamp();
            const std::string note = fmt::format("by {}: {}; {}", os_user() + "@" + host_name(), o->why, *behind);
            auto tx = ledger.transaction();
            ledger.chain().append("recover_anchor", "-", "", note, at);
            tx.commit();
            log.append(ledger::anchor_now(ledger, "recover_anchor", at));
            std::cout << fmt::format("recorded at {} {}\n", at, note);
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

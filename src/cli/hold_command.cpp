// `patsub hold`: staff keep one payable line out of the treasury file; allowed only
// before the line's batch is approved. `patsub release` lets it go again.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/people_store.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

namespace patsub::cli {

namespace {

struct HoldOptions {
    std::filesystem::path db;
    std::int64_t line = 0;
    std::optional<std::filesystem::path> anchors;
    std::string by;
    std::string why;
};

}  // namespace

void add_hold_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<HoldOptions>();
    auto* cmd = app.add_subcommand("hold", "Keep one payable line out of the treasury file (before approval)");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--line", o->line, "ledger line id")->required();
    cmd->add_option("--by", o->by, "name of the staff member")->required();
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to)");
    cmd->add_option("--why", o->why, "reason, shown on the review page")->required();
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            require_cli_approvals(settings, "hold");
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            const batch::RunLock lock(o->db);
            ledger::Ledger ledger(o->db);
            ledger::AnchoredWrite anchored(ledger, o->anchors, std::filesystem::absolute(o->db).parent_path() / "anchors.log");
            ledger::ReviewStore store(ledger);
            const auto e = store.hold(o->line, o->by, o->why, ledger::utc_timestamp());
            ledger::PeopleStore(ledger).record_act("command_line_act",
                                                   fmt::format("held line {} as --by {}: {}", e.line_id, e.by, e.why),
                                                   command_line_actor(), e.at);
            anchored.anchor("staff_hold");
            std::cout << fmt::format("line {} held by {} at {}: {}\n", e.line_id, e.by, e.at, e.why);
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

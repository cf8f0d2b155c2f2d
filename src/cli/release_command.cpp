// `patsub release`: ends a staff hold. The line is paid with its own batch when that is
// not approved yet, otherwise with the next batch approved after the release.
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

struct ReleaseOptions {
    std::filesystem::path db;
    std::int64_t line = 0;
    std::optional<std::filesystem::path> anchors;
    std::string by;
};

}  // namespace

void add_release_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ReleaseOptions>();
    auto* cmd = app.add_subcommand("release", "End a staff hold: the line goes with the next approved batch");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--line", o->line, "ledger line id")->required();
    cmd->add_option("--by", o->by, "name of the staff member")->required();
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            require_cli_approvals(settings, "release");
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            const batch::RunLock lock(o->db);
            ledger::Ledger ledger(o->db);
            ledger::AnchoredWrite anchored(ledger, o->anchors, std::filesystem::absolute(o->db).parent_path() / "anchors.log");
            ledger::ReviewStore store(ledger);
            const auto e = store.release(o->line, o->by, ledger::utc_timestamp());
            ledger::PeopleStore(ledger).record_act("command_line_act",
                                                   fmt::format("released line {} as --by {}", e.line_id, e.by),
                                                   command_line_actor(), e.at);
            anchored.anchor("staff_hold");
            std::cout << fmt::format("line {} released by {} at {}\n", e.line_id, e.by, e.at);
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

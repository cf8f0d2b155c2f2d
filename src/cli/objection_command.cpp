// `patsub objection add LINE --source ... --text ...`: records an objection (异议) received
// against a line of a published notice, entered by the OS user, and holds the line
// (src/notice/objection.h). Staff weigh it and `patsub release` the line, or leave it held.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger.h"
#include "model/bureau_time.h"
#include "notice/objection.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

namespace patsub::cli {

namespace {

struct ObjectionOptions {
    std::filesystem::path db;
    std::int64_t line = 0;
    std::string source;
    std::string text;
    std::string time_zone;
    std::optional<std::filesystem::path> anchors;
};

}  // namespace

void add_objection_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ObjectionOptions>();
    auto* objection = app.add_subcommand("objection", "Objections (异议) to a published notice");
    objection->require_subcommand(1);
    auto* cmd = objection->add_subcommand("add", "Record an objection against line LINE of a published notice; "
                                                 "the line is held");
    cmd->add_option("line", o->line, "ledger line id")->required();
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--source", o->source, "where it came from: letter, telephone, e-mail, visit, ...")->required();
    cmd->add_option("--text", o->text, "what the objection says")->required();
    cmd->add_option("--time-zone", o->time_zone,
                    fmt::format("the bureau's time zone (default: env PATSUB_TIME_ZONE, else time_zone in patsub.conf, else {})",
                                default_bureau_time_zone));
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& config) {
            o->db = flag_or_setting(o->db, config.db, "--db", "db", config);
            if (!o->anchors && !config.anchors.empty()) o->anchors = config.anchors;
            const std::string zone = bureau_zone(o->time_zone, config);
            const Actor by{os_user(), Role::script, Door::command_line, host_name()};
            const batch::RunLock lock(o->db);
            ledger::Ledger ledger(o->db);
            ledger::AnchoredWrite anchored(ledger, o->anchors, std::filesystem::absolute(o->db).parent_path() / "anchors.log");
            const auto r = notice::record_objection(ledger, o->line, by, o->source, o->text, zone);
            anchored.anchor("objection");
            std::cout << fmt::format("objection {} to line {} (notice of batch {}) entered by {} at {}{}; line {} {}\n",
                                     r.objection_id, r.line_id, r.batch_id, r.entered_by, r.received_at,
                                     r.within_period ? "" : ", after the notice period", r.line_id,
                                     r.hold_event ? "is held" : "was held already and stays held");
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

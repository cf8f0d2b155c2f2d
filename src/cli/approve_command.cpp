// `patsub approve`: staff sign-off of one batch (contract.md). Refused until the batch's
// public notice (`patsub notice publish`) is published and its period over (policy.md
// reading 19), the message naming the period's last day. Records who approved and when,
// writes treasury-<N>.csv and treasury-<N>.xlsx, each with its .sha256; approving again
// records nothing and leaves byte-identical files (and says so). Beside them the approval
// sheet (审批表, approval-sheet-<N>.html) to print, sign and file.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/people_store.h"
#include "export/approval_sheet.h"
#include "export/treasury_handoff.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "model/money.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

namespace patsub::cli {

namespace {

struct ApproveOptions {
    std::filesystem::path db;
    std::int64_t batch = 0;
    std::string by;
    std::filesystem::path out;
    std::optional<std::filesystem::path> anchors;
    std::string time_zone;
};

}  // namespace

void add_approve_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ApproveOptions>();
    auto* cmd = app.add_subcommand("approve", "Approve a batch for payment (after its notice period) and write its treasury files");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--batch", o->batch, "batch id")->required();
    cmd->add_option("--by", o->by, "name of the approving staff member")->required();
    cmd->add_option("--out", o->out, "output folder for treasury-<N>.csv/.xlsx, their .sha256 and approval-sheet-<N>.html (default: out in patsub.conf)");
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to, else beside OUT)");
    cmd->add_option("--time-zone", o->time_zone,
                    fmt::format("the bureau's time zone the notice period is counted in (default: env "
                                "PATSUB_TIME_ZONE, else time_zone in patsub.conf, else {})",
                                default_bureau_time_zone));
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            require_cli_approvals(settings, "approve");
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->out = flag_or_setting(o->out, settings.out, "--out", "out", settings);
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            const std::string zone = bureau_zone(o->time_zone, settings);
            const auto instant = now();
            const batch::RunLock lock(o->db);  // never while a run is writing the batch
            ledger::Ledger ledger(o->db);
            ledger::AnchoredWrite anchored(ledger, o->anchors,
                                           std::filesystem::absolute(o->out).lexically_normal().parent_path() / "anchors.log");
            const exports::HandoffResult r =
                exports::approve_batch(ledger, o->batch, o->by, o->out, utc_instant(instant), local_date(instant, zone));
            if (r.newly_approved) {
                ledger::PeopleStore(ledger).record_act("command_line_act",
                                                       fmt::format("approved batch {} as --by {}", o->batch, r.approval.by),
                                                       command_line_actor(), r.approval.at);
                anchored.anchor("approval");
            }
            const auto& t = r.treasury;
            const std::string file = fmt::format("{}: {} payees, {} lines, {} CNY, sha256 {}", t.file_name, t.rows,
                                                 t.lines, to_yuan(Money{t.total_fen}), t.sha256);
            if (r.newly_approved)
                std::cout << fmt::format("batch {} approved by {} at {}; {}\n", o->batch, r.approval.by, r.approval.at, file);
            else
                std::cout << fmt::format("batch {} was already approved by {} at {}: nothing changed, no second "
                                         "approval recorded; {}\n", o->batch, r.approval.by, r.approval.at, file);
            for (const auto& p : r.written)
                std::cout << (r.newly_approved ? "wrote " : "restored ") << p.string() << '\n';
            for (const auto& p : r.unchanged) std::cout << "unchanged " << p.string() << '\n';
            // The sheet staff sign and file (审批表), from what the approval recorded.
            const auto texts = exports::ReviewTexts::load(settings.layout.review_texts());
            const auto sheet = o->out / exports::approval_sheet_name(o->batch);
            std::cout << (exports::write_approval_sheet(ledger, o->batch, texts, o->out) ? "wrote " : "unchanged ")
                      << sheet.string() << '\n';
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

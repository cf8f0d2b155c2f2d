// `patsub approve`: staff sign-off of one batch (contract.md). Records who approved and
// when, writes treasury-<N>.csv and treasury-<N>.xlsx, each with its .sha256, and the
// notice list; approving again
// records nothing and leaves byte-identical files (and says so).
#include "batch/run_lock.h"
#include "cli/command.h"
#include "export/treasury_handoff.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"
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
};

}  // namespace

void add_approve_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ApproveOptions>();
    auto* cmd = app.add_subcommand("approve", "Approve a batch and write its treasury file and notice list");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--batch", o->batch, "batch id")->required();
    cmd->add_option("--by", o->by, "name of the approving staff member")->required();
    cmd->add_option("--out", o->out, "output folder for treasury-<N>.csv/.xlsx, their .sha256 and notice-<N>.csv/.html (default: out in patsub.conf)");
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to, else beside OUT)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->out = flag_or_setting(o->out, settings.out, "--out", "out", settings);
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            const batch::RunLock lock(o->db);  // never while a run is writing the batch
            ledger::Ledger ledger(o->db);
            ledger::AnchoredWrite anchored(ledger, o->anchors,
                                           std::filesystem::absolute(o->out).lexically_normal().parent_path() / "anchors.log");
            const exports::HandoffResult r =
                exports::approve_batch(ledger, o->batch, o->by, o->out, ledger::utc_timestamp());
            if (r.newly_approved) anchored.anchor("approval");
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
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

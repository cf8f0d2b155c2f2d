// `patsub run`: one nightly batch (contract.md). Quiet on success but for the summary.
#include "batch/nightly_run.h"
#include "cli/command.h"

#include "model/bureau_time.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <memory>

namespace patsub::cli {

void add_run_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<batch::RunOptions>();
    auto as_of = std::make_shared<std::string>();
    auto time_zone = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("run", "Run one batch: take every new inbox file, decide, append to the ledger");
    cmd->add_option("--db", o->db, "ledger database (SQLite; default: db in patsub.conf)");
    cmd->add_option("--inbox", o->inbox, "inbox folder (grants/, payees/, ...; default: inbox in patsub.conf)")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--out", o->out, "output folder (batch-<id>/, quarantine/; default: out in patsub.conf)");
    cmd->add_option("--policy", o->policy, "policy file (default: policy in patsub.conf, else the shipped Kunming measure 8 policy)");
    cmd->add_option("--as-of", *as_of, "the day the batch decides on (ISO date, default today in the bureau's time zone)");
    cmd->add_option("--time-zone", *time_zone,
                    fmt::format("the bureau's time zone (default: env PATSUB_TIME_ZONE, else time_zone in patsub.conf, else {})",
                                default_bureau_time_zone));
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to, else beside OUT)");
    cmd->add_option("--gates", o->gates, "plausibility limits (default: plausibility in patsub.conf, else the shipped limits)");
    cmd->callback([&action, o, as_of, time_zone] {
        action = [o, as_of, time_zone](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->inbox = flag_or_setting(o->inbox, settings.inbox, "--inbox", "inbox", settings);
            if (!std::filesystem::is_directory(o->inbox))
                throw UsageError("inbox " + o->inbox.string() + " is not a folder");
            o->out = flag_or_setting(o->out, settings.out, "--out", "out", settings);
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            if (o->policy.empty()) o->policy = settings.policy;
            o->policy_schema = settings.layout.policy_schema();
            o->kinds = settings.layout.kind_table();
            if (o->gates.empty()) o->gates = settings.plausibility;
            o->patsub_version = PATSUB_VERSION;
            const std::string zone = bureau_zone(*time_zone, settings);
            o->today = local_date(now(), zone);
            if (as_of->empty()) {
                o->as_of = local_date(now(), zone);
            } else if (auto d = date_from_iso(*as_of)) {
                o->as_of = *d;
            } else {
                throw UsageError("--as-of '" + *as_of + "' is not an ISO date (YYYY-MM-DD)");
            }
            const auto report = batch::run_batch(*o);
            std::cout << batch::summary_line(report) << '\n';
            for (auto id : report.repaired)
                std::cerr << "patsub: the outputs of batch " << id << " were missing or changed: written again\n";
            for (const auto& q : report.quarantined) std::cerr << "quarantined: " << q << '\n';
            // Never opened (a link may name any file, a FIFO would block): named, not copied.
            for (const auto& i : report.ignored) std::cerr << "patsub: inbox: " << i << ", ignored: never read\n";
            for (const auto& q : report.still_quarantined)
                std::cerr << "still quarantined: " << q << " (`patsub acknowledge --db DB --file PATH --why TEXT` "
                          << "once dealt with)\n";
            return report.quarantined.empty() && report.ignored.empty() && report.still_quarantined.empty()
                       ? Outcome::done
                       : Outcome::needs_attention;
        };
    });
}

}  // namespace patsub::cli

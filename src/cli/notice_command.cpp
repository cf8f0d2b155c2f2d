// `patsub notice publish N`: publishes batch N's proposed payments (公示, policy.md reading
// 19) for the policy's notice period, counted on the bureau's calendar (weekends and the
// holiday list excluded), with the objection channel and contacts; writes notice-N.html
// and notice-N.csv into OUT. The publisher is the OS user (scripts and tests drive it;
// staff use the workbench). Publishing again records nothing and writes the same files.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/anchor_guard.h"
#include "ledger/ledger.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "model/money.h"
#include "notice/public_notice.h"
#include "policy/policy.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

namespace patsub::cli {

namespace {

struct NoticeOptions {
    std::filesystem::path db;
    std::int64_t batch = 0;
    std::filesystem::path out;
    std::filesystem::path policy;
    std::filesystem::path holidays;
    std::string objection_channel;
    std::string contacts;
    std::string publisher;
    std::string time_zone;
    std::optional<std::filesystem::path> anchors;
};

}  // namespace

void add_notice_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<NoticeOptions>();
    auto* notice = app.add_subcommand("notice", "The public notice (公示) of a batch's proposed payments");
    notice->require_subcommand(1);
    auto* cmd = notice->add_subcommand("publish", "Publish batch N's proposed payments for the notice period; "
                                                  "writes notice-N.html and notice-N.csv");
    cmd->add_option("batch", o->batch, "batch id")->required();
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--out", o->out, "output folder for notice-<N>.html/.csv, the one approve writes to (default: out in patsub.conf)");
    cmd->add_option("--policy", o->policy, "policy file: the notice period (default: policy in patsub.conf, else the shipped policy)");
    cmd->add_option("--holidays", o->holidays,
                    "holiday list: holidays and make-up working days (default: holidays in patsub.conf, else the "
                    "shipped holidays-cn.txt; docs/notice.md)");
    cmd->add_option("--objection-channel", o->objection_channel,
                    "how the public objects (address, mailbox, telephone), printed on the notice "
                    "(default: objection_channel in patsub.conf; one of the two is required)");
    cmd->add_option("--contacts", o->contacts, "contacts printed on the notice (default: contacts in patsub.conf)");
    cmd->add_option("--publisher", o->publisher, "the publishing office printed on the notice (default: publisher in patsub.conf)");
    cmd->add_option("--time-zone", o->time_zone,
                    fmt::format("the bureau's time zone (default: env PATSUB_TIME_ZONE, else time_zone in patsub.conf, else {})",
                                default_bureau_time_zone));
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to, else beside OUT)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& config) {
            o->db = flag_or_setting(o->db, config.db, "--db", "db", config);
            o->out = flag_or_setting(o->out, config.out, "--out", "out", config);
            if (!o->anchors && !config.anchors.empty()) o->anchors = config.anchors;
            if (o->policy.empty()) o->policy = config.policy;
            if (o->holidays.empty()) o->holidays = config.holidays.empty() ? config.layout.shipped_holidays() : config.holidays;
            // The public must be told where to object (reading 19): no default text for it.
            if (o->objection_channel.empty()) o->objection_channel = config.objection_channel;
            if (o->objection_channel.empty())
                throw UsageError(fmt::format("--objection-channel is required: give it, or set `objection_channel = ...` in {}",
                                             config.file.empty() ? "a config file (--config FILE or PATSUB_CONFIG)"
                                                                 : config.file.string()));
            if (o->contacts.empty()) o->contacts = config.contacts;
            if (o->publisher.empty()) o->publisher = config.publisher;
            notice::NoticeSettings settings;
            settings.time_zone = bureau_zone(o->time_zone, config);
            settings.calendar = notice::WorkingCalendar::load(o->holidays);
            settings.objection_channel = o->objection_channel;
            settings.contacts = o->contacts;
            if (!o->publisher.empty()) settings.publisher = o->publisher;
            const Policy policy = Policy::load(o->policy, config.layout.policy_schema());
            settings.working_days = policy.nearest(local_date(now(), settings.time_zone)).notice_working_days;
            const Actor by{os_user(), Role::script, Door::command_line, host_name()};

            const batch::RunLock lock(o->db);
            ledger::Ledger ledger(o->db);
            ledger::AnchoredWrite anchored(ledger, o->anchors,
                                           std::filesystem::absolute(o->out).lexically_normal().parent_path() / "anchors.log");
            const auto r = notice::publish_notice(ledger, o->batch, by, settings, policy, o->out);
            if (r.newly_published) anchored.anchor("notice");
            const auto& p = r.publication;
            std::cout << fmt::format("batch {} {} by {} at {}: {} lines, {} CNY; notice period {} to {} ({} working "
                                     "days); approval opens {}\n",
                                     p.batch_id, r.newly_published ? "published" : "was already published", p.published_by,
                                     p.published_at, p.lines, to_yuan(Money{p.total_fen}), p.first_day, p.last_day,
                                     p.working_days,
                                     to_iso(notice::approval_opens(notice::NoticePeriod{
                                         *date_from_iso(p.published_on), *date_from_iso(p.first_day),
                                         *date_from_iso(p.last_day), p.working_days})));
            for (const auto& f : r.written) std::cout << "wrote " << f.string() << '\n';
            for (const auto& f : r.unchanged) std::cout << "unchanged " << f.string() << '\n';
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

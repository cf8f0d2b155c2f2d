// `patsub serve`: the bureau workbench on the intranet (issue 13; docs/workbench.md).
// Plain HTTP: TLS belongs to the reverse proxy named by --trusted-proxy, whose
// X-Forwarded-Proto and X-Forwarded-For are the only ones believed.
#include "cli/command.h"
#include "ledger/ledger.h"
#include "model/bureau_time.h"
#include "serve/workbench.h"

#include <csignal>
#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

serve::Workbench* running = nullptr;

extern "C" void stop_serving(int) {
    // httplib's stop() only flips flags and shuts the listening socket down.
    if (running) running->stop();
}

struct ServeCommandOptions {
    std::filesystem::path db;
    std::string listen;
    std::filesystem::path out;
    std::filesystem::path policy;
    std::optional<std::filesystem::path> anchors;
    std::string trusted_proxy;
    int threads = 8;
    std::string time_zone;
    std::filesystem::path holidays;
    std::string objection_channel;
    bool list_routes = false;
};

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ServeCommandOptions>();
    auto* cmd = app.add_subcommand("serve", "Serve the bureau workbench (review, hold, approve) over HTTP");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--listen", o->listen, "ADDR:PORT to listen on (default: listen in patsub.conf, else 127.0.0.1:8080)");
    cmd->add_option("--out", o->out, "folder for the treasury files and notices of approved batches (default: out in patsub.conf)");
    cmd->add_option("--policy", o->policy, "policy file, for the clauses' text and verify's cap (default: the shipped policy)");
    cmd->add_option("--anchors", o->anchors, "anchor log (default: the one this ledger anchors to)");
    cmd->add_option("--trusted-proxy", o->trusted_proxy,
                    "address of the TLS reverse proxy whose X-Forwarded-Proto/-For are believed (default: trusted_proxy in patsub.conf)");
    cmd->add_option("--threads", o->threads, "worker threads (default 8)")->check(CLI::Range(1, 64));
    cmd->add_option("--time-zone", o->time_zone,
                    "the bureau's time zone (default: env PATSUB_TIME_ZONE, else time_zone in patsub.conf, else Asia/Shanghai)");
    cmd->add_option("--holidays", o->holidays,
                    "holiday list for the notice period (default: holidays in patsub.conf, else the shipped holidays-cn.txt)");
    cmd->add_option("--objection-channel", o->objection_channel,
                    "how the public objects, printed on the notice (default: objection_channel in patsub.conf)");
    cmd->add_flag("--list-routes", o->list_routes,
                  "print every route (METHOD PATTERN) and exit; for the tests' route-by-role matrix");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            if (o->list_routes) {
                serve::ServeOptions s;
                s.schemas_dir = settings.layout.review_texts();
                const serve::Workbench workbench(s);
                for (const auto& route : workbench.routes()) std::cout << route << '\n';
                return Outcome::done;
            }
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->out = flag_or_setting(o->out, settings.out, "--out", "out", settings);
            if (o->listen.empty()) o->listen = settings.listen;
            if (o->trusted_proxy.empty()) o->trusted_proxy = settings.trusted_proxy;
            if (!o->anchors && !settings.anchors.empty()) o->anchors = settings.anchors;
            if (o->policy.empty()) o->policy = settings.policy.empty() ? settings.layout.shipped_policy() : settings.policy;
            const auto colon = o->listen.rfind(':');
            int port = 0;
            try {
                port = colon == std::string::npos ? -1 : std::stoi(o->listen.substr(colon + 1));
            } catch (const std::exception&) {
                port = -1;
            }
            if (colon == std::string::npos || colon == 0 || port <= 0 || port > 65535)
                throw UsageError("serve: --listen takes ADDR:PORT, e.g. 127.0.0.1:8080; got '" + o->listen + "'");
            ledger::require_ledger_file(o->db);
            serve::ServeOptions s;
            s.db = o->db;
            s.host = o->listen.substr(0, colon);
            if (s.host.size() > 2 && s.host.front() == '[' && s.host.back() == ']') s.host = s.host.substr(1, s.host.size() - 2);
            s.port = port;
            s.out = o->out;
            s.schemas_dir = settings.layout.review_texts();
            s.policy_file = o->policy;
            s.anchors = o->anchors;
            s.trusted_proxy = o->trusted_proxy;
            s.threads = o->threads;
            s.time_zone = bureau_zone(o->time_zone, settings);
            s.holidays = !o->holidays.empty() ? o->holidays
                         : !settings.holidays.empty() ? settings.holidays
                                                      : settings.layout.shipped_holidays();
            s.contacts = settings.contacts;
            s.publisher = settings.publisher;
            s.objection_channel = o->objection_channel.empty() ? settings.objection_channel : o->objection_channel;
            serve::Workbench workbench(s);
            running = &workbench;
            std::signal(SIGINT, stop_serving);
            std::signal(SIGTERM, stop_serving);
            std::cout << "patsub serve: listening on http://" << o->listen << "/ (ledger " << o->db.string() << ")"
                      << std::endl;
            workbench.run();
            running = nullptr;
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

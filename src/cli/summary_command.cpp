// `patsub summary`: totals by clause, district, month and status over the batches whose
// as-of day lies in --from..--to (inclusive), for budget planning.
#include "cli/command.h"
#include "export/budget_summary.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"

#include <fstream>
#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

struct SummaryOptions {
    std::filesystem::path db;
    std::string from;
    std::string to;
    std::string format = "table";
    std::filesystem::path out;
};

Date iso_date(const std::string& text, const char* option) {
    if (auto d = date_from_iso(text)) return *d;
    throw UsageError(std::string(option) + " '" + text + "' is not an ISO date (YYYY-MM-DD)");
}

}  // namespace

void add_summary_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<SummaryOptions>();
    auto* cmd = app.add_subcommand("summary", "Totals by clause, district, month and status for budget planning");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--from", o->from, "first batch as-of day (ISO date, inclusive)")->required();
    cmd->add_option("--to", o->to, "last batch as-of day (ISO date, inclusive)")->required();
    cmd->add_option("--format", o->format, "table, csv or html")->check(CLI::IsMember({"table", "csv", "html"}));
    cmd->add_option("--out", o->out, "write to this file instead of standard output");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            const Date from = iso_date(o->from, "--from"), to = iso_date(o->to, "--to");
            if (to < from) throw UsageError("--to " + o->to + " is before --from " + o->from);
            const auto texts = exports::ReviewTexts::load(settings.layout.review_texts());
            ledger::Ledger ledger(o->db, ledger::Ledger::Access::read_only);
            const auto s = exports::gather_summary(ledger, from, to);
            const std::string text = o->format == "csv"    ? exports::summary_csv(s, texts)
                                     : o->format == "html" ? exports::summary_html(s, texts)
                                                           : exports::summary_table(s, texts);
            if (o->out.empty()) {
                std::cout << text;
            } else {
                std::ofstream f(o->out, std::ios::binary | std::ios::trunc);
                f << text;
                f.flush();
                if (!f) throw std::runtime_error(o->out.string() + ": cannot write the summary");
            }
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

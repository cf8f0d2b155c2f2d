// `patsub check FILE...`: parse and classify only, touching no ledger. One JSON object
// per document per line (contract.md), or with `--format table` one aligned line per
// document for people; refused and skipped documents go to stderr with their cause in
// both formats, so a script reading stdout never mistakes them for grants. With
// `--policy FILE` each document also says what it would earn on an empty ledger (clause,
// status, amount, reason; issue 14 point 7): the payees those answers know are the
// registry given with `--payees` (none without it), the day is `--as-of` (else none).
#include "batch/progress.h"
#include "batch/reference_intake.h"
#include "classify/classification.h"
#include "classify/kind_table.h"
#include "cli/command.h"
#include "decide/earnings_question.h"
#include "decide/payee_registry.h"
#include "export/json_line.h"
#include "export/text_table.h"
#include "parsers/grant_file.h"
#include "parsers/lists/payee_list.h"
#include "policy/policy.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <iostream>
#include <iterator>
#include <string_view>
#include <memory>

namespace patsub::cli {

namespace {

std::string optional_iso(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

// What both formats share: classification, and stderr for what is not a grant.
class CheckReport : public GrantHandler {
  public:
    CheckReport(const KindTable& kinds, const Policy& policy, const EarningsQuestion* earnings)
        : kinds_(kinds), policy_(policy), earnings_(earnings) {}

    void on_grant(Grant&& g) override {
        const Classification c = classify(g, kinds_, policy_.nearest(g.date));
        print(g, c, earnings_ ? std::optional<WouldEarn>(earnings_->ask(g, c)) : std::nullopt);
    }

    void on_problem(const DocumentProblem& p) override {
        refused = true;
        std::cerr << fmt::format("{}: document {} (line {}, column {}): refused: {}\n", p.file, p.document_index, p.line,
                                 p.column, p.cause);
    }

    void on_skipped(int document, long line, const std::string& why) override {
        std::cerr << fmt::format("{}: document {} (line {}): skipped: {}\n", current_file, document, line, why);
    }

    // A zip member is reported as "archive.zip!member" (compressed_grant_file.h).
    void on_member(const std::string& shown) override { current_file = shown; }

    // Called once after the last file.
    virtual void finish() {}

    std::string current_file;
    bool refused = false;

  protected:
    // `earns`: set when the command was asked what documents would earn.
    virtual void print(const Grant& g, const Classification& c, const std::optional<WouldEarn>& earns) = 0;

  private:
    const KindTable& kinds_;
    const Policy& policy_;
    const EarningsQuestion* earnings_;
};

class JsonReport final : public CheckReport {
  public:
    using CheckReport::CheckReport;

  protected:
    void print(const Grant& g, const Classification& c, const std::optional<WouldEarn>& earns) override {
        exports::JsonLine& j = line_;
        j.clear();
        j.open_object();
        j.field("id", grant_id(g));
        j.field("office", g.office);
        j.field("number", g.number);
        j.field("kind", g.kind);
        j.field("date", optional_iso(g.date));
        j.key("known_kind");
        j.boolean(c.known_kind);
        j.key("is_grant");
        j.boolean(c.is_grant);
        j.field("patent_type", to_string(c.type));
        j.field("jurisdiction", to_string(c.jurisdiction));
        j.field("kind_note", c.kind_note);
        j.field("application_number", g.application_number);
        j.field("application_date", optional_iso(g.application_date));
        j.field("declared_type", g.declared_type);
        j.field("title", g.title);
        j.key("priorities");
        j.open_array();
        for (const auto& p : g.priorities) {
            j.open_object();
            j.field("country", p.country);
            j.field("number", p.number);
            j.field("date", optional_iso(p.date));
            j.close_object();
        }
        j.close_array();
        j.key("patentees");
        j.open_array();
        for (const auto& p : g.patentees) {
            j.open_object();
            j.field("name", p.name);
            j.field("address", p.address);
            j.field("city", p.city);
            j.field("country", p.country);
            j.close_object();
        }
        j.close_array();
        j.field("pct_application", g.pct_application);
        j.field("family_id", g.family_id);
        j.key("source");
        j.open_object();
        j.field("file", g.source.file);
        j.key("document");
        j.integer(g.source.document);
        j.key("line");
        j.integer(g.source.line);
        j.close_object();
        if (earns) {
            j.key("would_earn");
            j.open_object();
            j.key("in_scope");
            j.boolean(earns->in_scope);
            j.field("clause", earns->clause);
            j.field("status", earns->status);
            j.key("amount_fen");
            j.integer(earns->amount.fen);
            j.field("reason", earns->reason);
            j.close_object();
        }
        j.close_object();
        std::cout.write(j.text().data(), static_cast<std::streamsize>(j.text().size()));
        std::cout.put('\n');
    }

  private:
    exports::JsonLine line_;
};

// Rows are held until the end so that every column lines up (display widths: Chinese
// patentee names take two columns a character). A table is for reading, not for a
// weekly file of thousands: scripts use the JSON lines.
class TableReport final : public CheckReport {
  public:
    using CheckReport::CheckReport;

    TableReport(const KindTable& kinds, const Policy& policy, const EarningsQuestion* earnings)
        : CheckReport(kinds, policy, earnings), table_(columns(earnings != nullptr)) {}

    void finish() override { table_.print(std::cout); }

  protected:
    void print(const Grant& g, const Classification& c, const std::optional<WouldEarn>& earns) override {
        // "?": the kind table does not know office + kind on that date (unknown_kind).
        const std::string grant = !c.known_kind ? "?" : c.is_grant ? "yes" : "no";
        std::vector<std::string> row{grant_id(g), g.office, g.kind, optional_iso(g.date), grant,
                                     std::string(to_string(c.type)), std::string(to_string(c.jurisdiction)),
                                     g.application_number,
                                     g.patentees.empty() ? std::string() : g.patentees.front().name,
                                     fmt::format("{}:{}:{}", g.source.file, g.source.document, g.source.line)};
        if (earns) {
            row.push_back(earns->in_scope ? earns->clause : "-");
            row.push_back(earns->in_scope ? earns->status : "out of scope");
            row.push_back(earns->in_scope ? to_yuan(earns->amount) : "");
            row.push_back(earns->reason);
        }
        table_.add(std::move(row));
    }

  private:
    using Align = exports::TextTable::Align;
    static std::vector<exports::TextTable::Column> columns(bool earnings) {
        std::vector<exports::TextTable::Column> all{{"id", Align::left},
                               {"office", Align::left},
                               {"kind", Align::left},
                               {"date", Align::left},
                               {"grant", Align::left},
                               {"type", Align::left},
                               {"jurisdiction", Align::left},
                               {"application", Align::left},
                               {"first patentee", Align::left},
                               {"source", Align::left}};
        if (earnings) {
            all.push_back({"clause", Align::left});
            all.push_back({"outcome", Align::left});
            all.push_back({"yuan", Align::right});
            all.push_back({"reason", Align::left});
        }
        return all;
    }
    exports::TextTable table_;
};

struct CheckOptions {
    std::vector<std::string> files;
    std::string policy_file;
    std::string payees_file;
    std::string as_of;
    std::string format = "json";
};

// The question "what would it earn" is asked by naming the policy to answer it.
std::unique_ptr<EarningsQuestion> earnings_question(const CheckOptions& o, const Policy& policy) {
    if (o.policy_file.empty()) {
        if (!o.as_of.empty() || !o.payees_file.empty())
            throw UsageError("--as-of and --payees go with --policy: they say what a document would earn under it");
        return nullptr;
    }
    std::optional<Date> as_of;
    if (!o.as_of.empty()) {
        as_of = date_from_iso(o.as_of);
        if (!as_of) throw UsageError("--as-of '" + o.as_of + "' is not an ISO date (YYYY-MM-DD)");
    }
    std::vector<Payee> payees;
    if (!o.payees_file.empty())
        payees = lists::read_payee_list(o.payees_file, batch::payee_rules(policy, as_of.value_or(
                                                                                       policy.versions().back().effective_from)));
    return std::make_unique<EarningsQuestion>(policy, PayeeRegistry(std::move(payees)), as_of);
}

// A FIFO, device or socket would block or be read without its size (the progress bar
// and the compression sniffer need a file): a usage error, exit 2, like a missing file.
const CLI::Validator regular_file(
    [](std::string& path) {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (!ec && !std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status))
            return "not a regular file: " + path;
        return std::string();
    },
    "REGULAR");

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand("check", "Parse and classify grant files; print one JSON object per document");
    cmd->add_option("files", o->files, "grant files (xml, xml.gz, zip; told by content)")
        ->required()
        ->check(CLI::ExistingFile)
        ->check(regular_file);
    cmd->add_option("--policy", o->policy_file,
                    "policy file: also print the clause, outcome, amount and reason each document would get on an "
                    "empty ledger");
    cmd->add_option("--payees", o->payees_file, "payee registry (CSV, as in inbox/payees) for --policy")
        ->check(CLI::ExistingFile);
    cmd->add_option("--as-of", o->as_of, "the run's day for --policy (ISO date; a later grant waits)");
    cmd->add_option("--format", o->format, "json (one object per line, the default) or table (aligned, for people)")
        ->check(CLI::IsMember({"json", "table"}));
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            const auto policy_path = o->policy_file.empty() ? settings.policy
                                                            : std::filesystem::path(o->policy_file);
            const Policy policy = Policy::load(policy_path, settings.layout.policy_schema());
            const KindTable kinds = KindTable::load(settings.layout.kind_table());
            const auto earnings = earnings_question(*o, policy);
            std::unique_ptr<CheckReport> report;
            if (o->format == "table") report = std::make_unique<TableReport>(kinds, policy, earnings.get());
            else report = std::make_unique<JsonReport>(kinds, policy, earnings.get());
            std::uint64_t total = 0;
            for (const auto& f : o->files) total += std::filesystem::file_size(f);
            // JSON lines written to the same terminal would tear the bar apart: it is drawn
            // only while stdout goes elsewhere (a file, a pipe, /dev/null).
            batch::Progress progress(total, batch::Progress::stderr_is_terminal() && ::isatty(STDOUT_FILENO) != 1);
            batch::ProgressHandler metered(*report, progress);
            for (const auto& f : o->files) {
                report->current_file = f;
                progress.begin_file(std::filesystem::file_size(f));
                read_grants(f, f, metered);
                progress.end_file();
            }
            progress.clear();
            report->finish();
            return report->refused ? Outcome::needs_attention : Outcome::done;
        };
    });
}

}  // namespace patsub::cli

// `patsub check FILE...`: parse and classify only, touching no ledger. One JSON object
// per document per line (contract.md), or with `--format table` one aligned line per
// document for people; refused and skipped documents go to stderr with their cause in
// both formats, so a script reading stdout never mistakes them for grants.
#include "batch/progress.h"
#include "classify/classification.h"
#include "classify/kind_table.h"
#include "cli/command.h"
#include "export/text_table.h"
#include "model/json.h"
#include "parsers/grant_file.h"
#include "policy/policy.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

std::string optional_iso(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

// What both formats share: classification, and stderr for what is not a grant.
class CheckReport : public GrantHandler {
  public:
    CheckReport(const KindTable& kinds, const Policy& policy) : kinds_(kinds), policy_(policy) {}

    void on_grant(Grant&& g) override { print(g, classify(g, kinds_, policy_.nearest(g.date))); }

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
    virtual void print(const Grant& g, const Classification& c) = 0;

  private:
    const KindTable& kinds_;
    const Policy& policy_;
};

class JsonReport final : public CheckReport {
  public:
    using CheckReport::CheckReport;

  protected:
    void print(const Grant& g, const Classification& c) override {
        JsonWriter w;
        w.begin_object();
        w.field("id", grant_id(g));
        w.field("office", g.office).field("number", g.number).field("kind", g.kind);
        w.field("date", optional_iso(g.date));
        w.field("known_kind", c.known_kind).field("is_grant", c.is_grant);
        w.field("patent_type", to_string(c.type)).field("jurisdiction", to_string(c.jurisdiction));
        w.field("kind_note", c.kind_note);
        w.field("application_number", g.application_number);
        w.field("application_date", optional_iso(g.application_date));
        w.field("declared_type", g.declared_type);
        w.field("title", g.title);
        w.key("priorities").begin_array();
        for (const auto& p : g.priorities)
            w.begin_object().field("country", p.country).field("number", p.number)
                .field("date", optional_iso(p.date)).end_object();
        w.end_array();
        w.key("patentees").begin_array();
        for (const auto& p : g.patentees)
            w.begin_object().field("name", p.name).field("address", p.address).field("city", p.city)
                .field("country", p.country).end_object();
        w.end_array();
        w.field("pct_application", g.pct_application).field("family_id", g.family_id);
        w.key("source").begin_object().field("file", g.source.file).field("document", g.source.document)
            .field("line", static_cast<std::int64_t>(g.source.line)).end_object();
        w.end_object();
        std::cout << w.str() << '\n';
    }
};

// Rows are held until the end so that every column lines up (display widths: Chinese
// patentee names take two columns a character). A table is for reading, not for a
// weekly file of thousands: scripts use the JSON lines.
class TableReport final : public CheckReport {
  public:
    using CheckReport::CheckReport;

    void finish() override { table_.print(std::cout); }

  protected:
    void print(const Grant& g, const Classification& c) override {
        // "?": the kind table does not know office + kind on that date (unknown_kind).
        const std::string grant = !c.known_kind ? "?" : c.is_grant ? "yes" : "no";
        table_.add({grant_id(g), g.office, g.kind, optional_iso(g.date), grant, std::string(to_string(c.type)),
                    std::string(to_string(c.jurisdiction)), g.application_number,
                    g.patentees.empty() ? std::string() : g.patentees.front().name,
                    fmt::format("{}:{}:{}", g.source.file, g.source.document, g.source.line)});
    }

  private:
    using Align = exports::TextTable::Align;
    exports::TextTable table_{{{"id", Align::left},
                               {"office", Align::left},
                               {"kind", Align::left},
                               {"date", Align::left},
                               {"grant", Align::left},
                               {"type", Align::left},
                               {"jurisdiction", Align::left},
                               {"application", Align::left},
                               {"first patentee", Align::left},
                               {"source", Align::left}}};
};

struct CheckOptions {
    std::vector<std::string> files;
    std::string policy_file;
    std::string format = "json";
};

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
    cmd->add_option("--policy", o->policy_file, "policy file, for the jurisdiction groups");
    cmd->add_option("--format", o->format, "json (one object per line, the default) or table (aligned, for people)")
        ->check(CLI::IsMember({"json", "table"}));
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            const auto policy_path = o->policy_file.empty() ? settings.policy
                                                            : std::filesystem::path(o->policy_file);
            const Policy policy = Policy::load(policy_path, settings.layout.policy_schema());
            const KindTable kinds = KindTable::load(settings.layout.kind_table());
            std::unique_ptr<CheckReport> report;
            if (o->format == "table") report = std::make_unique<TableReport>(kinds, policy);
            else report = std::make_unique<JsonReport>(kinds, policy);
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

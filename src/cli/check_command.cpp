// `patsub check FILE...`: parse and classify only, touching no ledger. One JSON object
// per document per line (contract.md); refused documents go to stderr with their cause.
#include "classify/classification.h"
#include "classify/kind_table.h"
#include "cli/command.h"
#include "model/json.h"
#include "parsers/grant_file.h"
#include "policy/policy.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

std::string optional_iso(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

class JsonPrinter : public GrantHandler {
  public:
    JsonPrinter(const KindTable& kinds, const Policy& policy) : kinds_(kinds), policy_(policy) {}

    void on_grant(Grant&& g) override {
        const Classification c = classify(g, kinds_, policy_.nearest(g.date));
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

    void on_problem(const DocumentProblem& p) override {
        refused = true;
        std::cerr << fmt::format("{}: document {} (line {}, column {}): refused: {}\n", p.file, p.document_index, p.line,
                                 p.column, p.cause);
    }

    void on_skipped(int document, long line, const std::string& why) override {
        std::cerr << fmt::format("{}: document {} (line {}): skipped: {}\n", current_file, document, line, why);
    }

    std::string current_file;
    bool refused = false;

  private:
    const KindTable& kinds_;
    const Policy& policy_;
};

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto policy_file = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("check", "Parse and classify grant files; print one JSON object per document");
    cmd->add_option("files", *files, "grant files (xml)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--policy", *policy_file, "policy file, for the jurisdiction groups");
    cmd->callback([&action, files, policy_file] {
        action = [files, policy_file] {
            const auto policy_path = policy_file->empty() ? data_dir() / "samples/policy/kunming-measure8.xml"
                                                          : std::filesystem::path(*policy_file);
            const Policy policy = Policy::load(policy_path, data_dir() / "schemas/policy.xsd");
            const KindTable kinds = KindTable::load(data_dir() / "schemas/kind-codes.csv");
            JsonPrinter printer(kinds, policy);
            for (const auto& f : *files) {
                printer.current_file = f;
                read_grants(f, f, printer);
            }
            return printer.refused ? Outcome::needs_attention : Outcome::done;
        };
    });
}

}  // namespace patsub::cli

// `patsub ledger`: the ledger lines as CSV (contract.md columns), JSON lines or an
// aligned table for a terminal.
#include "cli/command.h"
#include "export/ledger_csv.h"
#include "export/text_table.h"
#include "ledger/ledger.h"
#include "model/money.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

struct LedgerOptions {
    std::filesystem::path db;
    std::optional<std::int64_t> batch;
    bool current = false;
    std::string format = "csv";
};

// One JSON object per line (JSON Lines), so that the output streams like the CSV.
void print_json(const ledger::LedgerLine& l) {
    const nlohmann::ordered_json j = {
        {"line_id", l.line_id},       {"batch_id", l.batch_id},
        {"grant", l.grant_id},        {"office", l.office},
        {"kind", l.kind},             {"patent_type", ledger::text_of(l.patent_type)},
        {"jurisdiction", ledger::text_of(l.jurisdiction)}, {"family", l.family},
        {"payee_uscc", l.payee_uscc}, {"payee_name", l.payee_name},
        {"clause", l.clause},         {"status", to_string(l.status)},
        {"amount_fen", l.amount.fen}, {"reason", l.reason},
        {"policy", l.policy_version}, {"hash", l.hash}};
    std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

// Columns sized to their widest cell by display width (a Chinese name takes two
// columns per character) and cells made terminal-safe: fixed printf widths ran into each
// other on long grant ids (DE202023101234U1) and could not line up CJK text. The lines
// are read twice in one snapshot, widths first, so that a million of them are never held.
void print_table(ledger::Ledger& ledger, const ledger::LineFilter& f) {
    using A = exports::TextTable::Align;
    exports::TextTable t({{"line", A::right}, {"batch", A::right}, {"grant", A::left}, {"type", A::left},
                          {"jur", A::left}, {"clause", A::left}, {"status", A::left}, {"amount CNY", A::right},
                          {"reason", A::left}, {"payee", A::left}, {"payee_uscc", A::left}});
    const auto cells = [](const ledger::LedgerLine& l) {
        return std::vector<std::string>{std::to_string(l.line_id), std::to_string(l.batch_id), l.grant_id,
                                        std::string(ledger::text_of(l.patent_type)),
                                        std::string(ledger::text_of(l.jurisdiction)), l.clause,
                                        std::string(to_string(l.status)), to_yuan(l.amount), l.reason, l.payee_name,
                                        l.payee_uscc};
    };
    auto same_lines = ledger.snapshot();
    ledger.for_each_line(f, [&](ledger::LedgerLine&& l) { t.measure(cells(l)); });
    t.print_heading(std::cout);
    ledger.for_each_line(f, [&](ledger::LedgerLine&& l) { t.print_row(std::cout, cells(l)); });
}

}  // namespace

void add_ledger_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<LedgerOptions>();
    auto* cmd = app.add_subcommand("ledger", "Print ledger lines");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--batch", o->batch, "only this batch");
    cmd->add_flag("--current", o->current, "only the latest line per grant (per enterprise and clause for awards)");
    cmd->add_option("--format", o->format, "csv, json or table")->check(CLI::IsMember({"csv", "json", "table"}));
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db, ledger::Ledger::Access::read_only);
            ledger::LineFilter f;
            f.batch_id = o->batch;
            f.current = o->current;
            // Every format streams: a whole ledger never sits in memory.
            if (o->format == "table") {
                print_table(ledger, f);
                return Outcome::done;
            }
            if (o->format == "csv") exports::write_ledger_csv_header(std::cout);
            ledger.for_each_line(f, [&](ledger::LedgerLine&& l) {
                if (o->format == "json") print_json(l);
                else exports::write_ledger_csv_row(std::cout, l);
            });
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

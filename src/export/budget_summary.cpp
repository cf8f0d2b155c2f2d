#include "export/budget_summary.h"

#include "export/bar_chart.h"
#include "export/breakdown_html.h"
#include "export/html_page.h"
#include "export/html_text.h"
#include "export/spreadsheet_csv.h"
#include "export/text_table.h"
#include "ledger/batch_tallies.h"
#include "ledger/payee_store.h"
#include "model/line_status.h"
#include "model/money.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

namespace patsub::exports {

namespace {

std::string yuan(std::int64_t fen) { return to_yuan(Money{fen}); }

struct Dimension {
    const char* id;
    const char* heading;
    const Breakdown BudgetSummary::*breakdown;
};

constexpr Dimension dimensions[] = {
    {"clause", "按条款 By clause", &BudgetSummary::by_clause},
    {"district", "按区县 By district", &BudgetSummary::by_district},
    {"month", "按月份 By month", &BudgetSummary::by_month},
    {"status", "按状态 By status", &BudgetSummary::by_status},
};

std::string label_of(const std::string& dimension, const std::string& key, const ReviewTexts& texts) {
    if (dimension == "clause") return key.empty() ? "（无条款）no clause" : key;
    if (dimension == "district") return texts.district_label(key);
    if (dimension == "status") {
        const Bilingual w = status_words(key);
        return w.zh + " " + w.en;
    }
    return key;
}

// Keys a spreadsheet would turn into numbers or dates, written so that they stay text:
// clause 8.10 became the number 8.1, month 2026-02 a day.
std::string csv_key(const std::string& dimension, const std::string& key) {
    if (dimension == "clause") return clause_text(key);
    if (dimension == "month" && key.size() == 7 && key[4] == '-')
        return key.substr(0, 4) + "年" + key.substr(5, 2) + "月";
    return key;
}

}  // namespace

BudgetSummary gather_summary(ledger::Ledger& ledger, Date from, Date to) {
    BudgetSummary s;
    s.from = to_iso(from);
    s.to = to_iso(to);
    const auto as_of = ledger.batches_as_of(from, to);
    s.batches = static_cast<std::int64_t>(as_of.size());

    ledger::PayeeStore payees(ledger);
    const auto districts = payees.current_districts();
    // The batch's kept tallies (a few rows per payee), not its lines: a million-line batch
    // is summed in milliseconds. Tallies hold only the statuses a line may have.
    for (const auto& [batch, day] : as_of) {
        for (const auto& t : ledger::batch_tallies(ledger, batch)) {
            const auto status = line_status_from(t.status);
            if (!status) throw std::runtime_error(fmt::format("batch {}: a tally of unknown status '{}'", batch, t.status));
            const auto d = districts.find(t.payee_uscc);
            s.total.add(*status, t.lines, t.fen);
            s.by_clause[t.clause].add(*status, t.lines, t.fen);
            s.by_district[d == districts.end() ? std::string() : d->second].add(*status, t.lines, t.fen);
            s.by_month[day.substr(0, 7)].add(*status, t.lines, t.fen);
            s.by_status[t.status].add(*status, t.lines, t.fen);
        }
    }
    return s;
}

std::string summary_table(const BudgetSummary& s, const ReviewTexts& texts) {
    std::string out = fmt::format("summary {} to {} (by batch as-of day): {} batches, {} lines, {} payable {} CNY, "
                                  "recovery {} CNY, net {} CNY\n",
                                  s.from, s.to, s.batches, s.total.lines, s.total.payable_lines,
                                  yuan(s.total.payable_fen), yuan(s.total.recovery_fen), yuan(s.total.net_fen()));
    using A = TextTable::Align;
    for (const auto& d : dimensions) {
        TextTable t({{d.heading, A::left}, {"lines", A::right}, {"payable", A::right}, {"payable CNY", A::right},
                     {"recovery CNY", A::right}, {"net CNY", A::right}});
        for (const auto& [key, tally] : s.*d.breakdown)
            t.add({label_of(d.id, key, texts), std::to_string(tally.lines), std::to_string(tally.payable_lines),
                   yuan(tally.payable_fen), yuan(tally.recovery_fen), yuan(tally.net_fen())});
        out += "\n" + t.str();
    }
    return out;
}

std::string summary_csv(const BudgetSummary& s, const ReviewTexts& texts) {
    SpreadsheetCsv csv;
    csv.row({bilingual_header("维度", "dimension"), bilingual_header("项", "key"), bilingual_header("名称", "label"),
             bilingual_header("行数", "lines"), bilingual_header("应付行数", "payable_lines"),
             bilingual_header("应付金额（元）", "payable_yuan"), bilingual_header("追回金额（元）", "recovery_yuan"),
             bilingual_header("净额（元）", "net_yuan")});
    for (const auto& d : dimensions)
        for (const auto& [key, t] : s.*d.breakdown) {
            const std::string shown = csv_key(d.id, key);
            const std::string label = shown != key && !key.empty() ? shown : label_of(d.id, key, texts);
            csv.row({d.id, shown, label, std::to_string(t.lines), std::to_string(t.payable_lines),
                     yuan(t.payable_fen), yuan(t.recovery_fen), yuan(t.net_fen())});
        }
    csv.row({"total", "", "", std::to_string(s.total.lines), std::to_string(s.total.payable_lines),
             yuan(s.total.payable_fen), yuan(s.total.recovery_fen), yuan(s.total.net_fen())});
    return csv.bytes();
}

std::string summary_html(const BudgetSummary& s, const ReviewTexts& texts) {
    PageParts page;
    page.title = fmt::format("专利资助汇总 Patent subsidy summary {} – {}", s.from, s.to);
    page.extra_style = ".chart { display: block; margin: .5rem 0 .2rem; }\n";
    page.body = fmt::format(
        "<h1>专利资助汇总 Patent subsidy summary</h1>\n"
        "<p class=\"meta\">{} – {} · 按批次决定日统计 counted by each batch's as-of day · {} 批 batches · "
        "{} 项 lines · 可支付 payable {} CNY · 追回 recovery {} CNY · 净额 net {} CNY</p>\n",
        html_escape(s.from), html_escape(s.to), s.batches, s.total.lines, yuan(s.total.payable_fen),
        yuan(s.total.recovery_fen), yuan(s.total.net_fen()));
    for (const auto& d : dimensions) {
        auto label = [&](const std::string& k) { return label_of(d.id, k, texts); };
        const Breakdown& b = s.*d.breakdown;
        page.body += fmt::format("<section id=\"by-{}\">\n<h2>{}</h2>\n", d.id, html_escape(d.heading));
        page.body += svg_bar_chart(std::string(d.heading) + " (CNY)", breakdown_bars(b, label));
        page.body += breakdown_table(b, d.heading, label) + "</section>\n";
    }
    return html_page(page);
}

}  // namespace patsub::exports

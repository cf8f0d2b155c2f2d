#include "export/notice_list.h"

#include "export/html_page.h"
#include "export/html_text.h"
#include "export/spreadsheet_csv.h"
#include "model/date.h"
#include "model/money.h"

#include <fmt/format.h>

#include <set>
#include <sstream>

namespace patsub::exports {

namespace {

const char* const award_patent = "企业认定奖励 enterprise award";

std::string meaning_of(const std::map<std::string, std::string>& meanings, const std::string& clause) {
    auto it = meanings.find(clause);
    return it == meanings.end() ? std::string() : it->second;
}

// Contacts are stored as typed, one per line: each its own line on the page.
std::string lines_as_html(const std::string& text) {
    std::string out, line;
    std::istringstream in(text);
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!out.empty()) out += "<br>";
        out += html_escape(line);
    }
    return out;
}

std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\n' ? std::string("; ") : c == '\r' ? std::string() : std::string(1, c));
    return out;
}

}  // namespace

std::map<std::string, std::string> clause_meanings(const std::string& clause_texts) {
    std::map<std::string, std::string> out;
    std::istringstream in(clause_texts);
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos) out[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return out;
}

std::string chinese_date(const std::string& iso) {
    const auto d = date_from_iso(iso);
    if (!d) return iso;
    return fmt::format("{}年{}月{}日", static_cast<int>(d->year()), static_cast<unsigned>(d->month()),
                       static_cast<unsigned>(d->day()));
}

void write_notice_csv(std::ostream& out, const ledger::NoticePublication& p, const NoticedLines& lines) {
    const auto meanings = clause_meanings(p.clause_texts);
    const auto row = [&](const std::vector<std::string>& cells) {
        std::vector<std::string> formatted;
        formatted.reserve(cells.size());
        for (const auto& c : cells) formatted.push_back(spreadsheet_cell(c));
        out << spreadsheet_record(formatted);
    };
    out << utf8_bom;  // as SpreadsheetCsv
    row({bilingual_header("批次", "batch_id"), bilingual_header("单位", "payee_name"),
         bilingual_header("专利", "patent"), bilingual_header("条款", "clause"),
         bilingual_header("金额（元）", "amount_yuan"), bilingual_header("专利名称", "title"),
         bilingual_header("条款含义", "clause_meaning"), bilingual_header("公示期起", "period_first_day"),
         bilingual_header("公示期止", "period_last_day"), bilingual_header("异议渠道", "objection_channel"),
         bilingual_header("联系方式", "contacts")});
    const std::string contacts = one_line(p.contacts);
    lines([&](const ledger::NoticedLine& n) {
        const auto& l = n.line;
        row({std::to_string(p.batch_id), l.payee_name, l.grant_id, clause_text(l.clause), to_yuan(l.amount), n.title,
             meaning_of(meanings, l.clause), p.first_day, p.last_day, p.objection_channel, contacts});
    });
}

void write_notice_html(std::ostream& out, const ledger::NoticePublication& p, const NoticedLines& lines) {
    const auto meanings = clause_meanings(p.clause_texts);
    PageParts page;
    page.title = fmt::format("专利资助公示 第{}批 / Patent subsidies, public notice, batch {}", p.batch_id, p.batch_id);
    page.extra_style = R"css(
body { max-width: 60rem; }
table { width: 100%; }
.period { border: 2px solid #333; padding: .5rem .8rem; margin: .8rem 0; }
.period p { margin: .2rem 0; }
table.legend th { width: 6rem; text-align: left; }
.foot { margin-top: 1rem; color: #444; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; font-size: 10.5pt; max-width: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: none; }
  .period { break-inside: avoid; }
}
)css";
    // The page up to its table's rows, the rows as the lines stream by, then the rest,
    // which counts them.
    const std::string before_rows = fmt::format(
        "<h1>昆明市专利资助拟资助名单公示（第{0}批）</h1>\n"
        "<p class=\"meta\">Public notice of proposed patent subsidies under the 2019 Kunming innovation measures, "
        "measure 8 — batch {0}</p>\n"
        "<p>依据《加速昆明区域性国际科技创新中心建设若干措施》第八条，下列单位拟获专利资助，现予公示。"
        "公示期内对名单有异议的，请通过下列渠道实名提出，并说明理由。"
        "<br>The entities below are proposed for patent subsidies under measure 8. Objections may be raised "
        "through the channel below within the notice period.</p>\n"
        "<div class=\"period\">\n"
        "<p><strong>公示期 Notice period：</strong>{1}至{2}（{3}个工作日 working days；法定节假日、周末不计）</p>\n"
        "<p><strong>异议渠道 Objections：</strong>{4}</p>\n"
        "<p><strong>联系方式 Contacts：</strong>{5}</p>\n"
        "</div>\n"
        "<table>\n<thead><tr><th class=\"num\">序号 No.</th><th>单位 Payee</th><th>专利号 Patent</th>"
        "<th>专利名称 Title</th><th>条款 Clause</th><th class=\"num\">金额（元） Amount (CNY)</th></tr></thead>\n"
        "<tbody>\n",
        p.batch_id, chinese_date(p.first_day), chinese_date(p.last_day), p.working_days,
        html_escape(p.objection_channel), lines_as_html(p.contacts));
    out << html_page_head(page) << before_rows;
    std::int64_t total = 0, n = 0;
    std::set<std::string> clauses;
    lines([&](const ledger::NoticedLine& noticed) {
        const auto& l = noticed.line;
        total += l.amount.fen;
        clauses.insert(l.clause);
        out << fmt::format(
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>第{}条</td><td class=\"num\">{}</td></tr>\n",
            ++n, html_escape(l.payee_name), l.grant_id.empty() ? award_patent : html_escape(l.grant_id),
            html_escape(noticed.title), html_escape(l.clause), to_yuan(l.amount));
    });
    if (n == 0) out << "<tr><td colspan=\"6\">本批次无拟资助项目 / no proposed payments in this batch</td></tr>\n";
    std::string legend;
    for (const auto& c : clauses)
        legend += fmt::format("<tr><th>第{}条</th><td>{}</td></tr>\n", html_escape(c), html_escape(meaning_of(meanings, c)));
    out << fmt::format(
        "</tbody>\n"
        "<tfoot><tr><th colspan=\"5\">合计 Total（{0} 项 lines）</th><th class=\"num\">{1}</th></tr></tfoot>\n</table>\n"
        "<h2>条款含义 What each clause pays</h2>\n<table class=\"legend\">\n<tbody>\n{2}</tbody>\n</table>\n"
        "<p class=\"foot\">{3} · 发布日期 published {4}</p>\n"
        "<p class=\"foot\">账本链头（公示时） Ledger chain head at publication: <code>{5}</code></p>\n",
        n, to_yuan(Money{total}), legend, html_escape(p.publisher), chinese_date(p.published_on),
        html_escape(p.chain_head));
    out << html_page_tail(page);
}

namespace {

NoticedLines held(const std::vector<ledger::NoticedLine>& lines) {
    return [&lines](const std::function<void(const ledger::NoticedLine&)>& visit) {
        for (const auto& l : lines) visit(l);
    };
}

}  // namespace

std::string notice_csv(const ledger::NoticePublication& p, const std::vector<ledger::NoticedLine>& lines) {
    std::ostringstream out;
    write_notice_csv(out, p, held(lines));
    return out.str();
}

std::string notice_html(const ledger::NoticePublication& p, const std::vector<ledger::NoticedLine>& lines) {
    std::ostringstream out;
    write_notice_html(out, p, held(lines));
    return out.str();
}

}  // namespace patsub::exports

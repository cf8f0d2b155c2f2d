#include "export/notice_list.h"

#include "export/html_page.h"
#include "export/html_text.h"
#include "export/spreadsheet_csv.h"
#include "model/money.h"

#include <fmt/format.h>

namespace patsub::exports {

std::string notice_csv(std::int64_t batch_id, const std::vector<ledger::LedgerLine>& exported) {
    SpreadsheetCsv csv;
    csv.row({bilingual_header("批次", "batch_id"), bilingual_header("单位", "payee_name"),
             bilingual_header("专利", "patent"), bilingual_header("条款", "clause"),
             bilingual_header("金额（元）", "amount_yuan")});
    for (const auto& l : exported)
        csv.row({std::to_string(batch_id), l.payee_name, l.grant_id, clause_text(l.clause), to_yuan(l.amount)});
    return csv.bytes();
}

std::string notice_html(const ledger::Approval& approval, const std::vector<ledger::LedgerLine>& exported,
                        const std::string& chain_head) {
    std::int64_t total = 0;
    std::string rows;
    int n = 0;
    for (const auto& l : exported) {
        total += l.amount.fen;
        rows += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                            ++n, html_escape(l.payee_name),
                            l.grant_id.empty() ? "企业认定奖励 enterprise award" : html_escape(l.grant_id),
                            html_escape(l.clause), to_yuan(l.amount));
    }
    if (exported.empty()) rows = "<tr><td colspan=\"5\">本批次无支付 / no payments in this batch</td></tr>\n";
    const std::string date = approval.at.substr(0, 10);
    PageParts page;
    page.title = fmt::format("专利资助公示 第{}批 / Patent subsidies, public notice, batch {}", approval.batch_id,
                             approval.batch_id);
    page.extra_style = R"css(
body { max-width: 60rem; }
table { width: 100%; }
.foot { margin-top: 1rem; color: #444; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; font-size: 11pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { background: none; }
}
)css";
    page.body = fmt::format(
        "<h1>昆明市专利资助公示（第{0}批）</h1>\n"
        "<p class=\"meta\">Public notice of patent subsidies under the 2019 Kunming innovation measures, measure 8 — "
        "batch {0}, approved {1}</p>\n"
        "<p>依据《加速昆明区域性国际科技创新中心建设若干措施》第八条，下列单位拟获专利资助，现予公示。"
        "<br>The entities below are to receive patent subsidies under measure 8.</p>\n"
        "<table>\n<thead><tr><th class=\"num\">序号 No.</th><th>单位 Payee</th><th>专利 Patent</th>"
        "<th>条款 Clause</th><th class=\"num\">金额（元） Amount (CNY)</th></tr></thead>\n<tbody>\n{2}</tbody>\n"
        "<tfoot><tr><th colspan=\"4\">合计 Total ({3} 项 lines)</th><th class=\"num\">{4}</th></tr></tfoot>\n</table>\n"
        "<p class=\"foot\">昆明市市场监督管理局 Kunming Municipal Market Supervision Bureau · {1}</p>\n{5}",
        approval.batch_id, html_escape(date), rows, exported.size(), to_yuan(Money{total}),
        chain_head.empty() ? std::string()
                           : "<p class=\"foot\">账本链头 Ledger chain head at approval: <code>" + html_escape(chain_head) +
                                 "</code></p>\n");
    return html_page(page);
}

}  // namespace patsub::exports

#include "export/approval_sheet.h"

#include "export/breakdown.h"
#include "export/html_page.h"
#include "export/html_text.h"
#include "export/notice_list.h"
#include "export/output_file.h"
#include "ledger/notice_store.h"
#include "ledger/payee_store.h"
#include "ledger/review_store.h"
#include "ledger/treasury_audit.h"
#include "model/money.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <set>

namespace patsub::exports {

namespace {

std::string tally_rows(const Breakdown& b, const std::function<std::string(const std::string&)>& label) {
    std::string rows;
    for (const auto& [key, t] : b)
        rows += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                            html_escape(label(key)), t.lines, to_yuan(Money{t.net_fen()}));
    if (rows.empty()) rows = "<tr><td colspan=\"3\">无 none</td></tr>\n";
    return rows;
}

}  // namespace

std::string approval_sheet_name(std::int64_t batch_id) { return fmt::format("approval-sheet-{}.html", batch_id); }

std::string approval_sheet_html(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts) {
    ledger::ReviewStore review(ledger);
    ledger::NoticeStore notices(ledger);
    const auto batch = review.batch(batch_id);
    if (!batch) throw ledger::ReviewRefused(fmt::format("there is no batch {} in this ledger", batch_id));
    const auto approval = review.approval(batch_id);
    const auto publication = notices.publication(batch_id);
    const auto districts = ledger::PayeeStore(ledger).current_districts();
    const auto district_of = [&](const ledger::LedgerLine& l) {
        auto it = districts.find(l.payee_uscc);
        return it == districts.end() ? std::string() : it->second;
    };
    // Tallied as the lines stream by: a batch may pay a million lines.
    Breakdown by_clause, by_district;
    Tally all;
    std::set<std::string> payees;
    const auto count = [&](ledger::LedgerLine&& l) {
        by_clause[l.clause].add(l);
        by_district[district_of(l)].add(l);
        all.add(l);
        payees.insert(l.payee_uscc);
    };
    if (approval) review.for_each_exported_line(batch_id, count);
    else review.for_each_export_candidate(batch_id, count);
    const auto objections = notices.objections_of_batch(batch_id);

    std::string head;
    if (approval) {
        head = ledger::approval_head(ledger, batch_id);
    } else {
        const auto h = ledger.chain().head();
        head = fmt::format("event {} {}", h.seq, h.hash);
    }
    const std::string notice =
        publication ? fmt::format("{}至{}（{}个工作日），{}发布；异议 {} 件 objections", chinese_date(publication->first_day),
                                  chinese_date(publication->last_day), publication->working_days,
                                  chinese_date(publication->published_on), objections.size())
                    : std::string("未公示 not published");
    const std::string status =
        approval ? fmt::format("已审批 approved：{} · {}", html_escape(approval->by), html_escape(approval->at))
                 : std::string("待审批 awaiting approval（金额为当前拟支付 amounts an approval would pay now）");

    PageParts page;
    page.title = fmt::format("专利资助支付审批表 第{}批 / Approval sheet, batch {}", batch_id, batch_id);
    page.extra_style = R"css(
body { max-width: 48rem; }
table { width: 100%; margin-bottom: .8rem; }
table.facts th { width: 9rem; text-align: left; }
.sign td { height: 3.2rem; vertical-align: bottom; }
.sign th { width: 6rem; }
.cols { display: flex; gap: 1rem; }
.cols > div { flex: 1; }
code { word-break: break-all; font-size: 9pt; }
@page { size: A4; margin: 15mm 15mm; }
@media print {
  body { margin: 0; font-size: 10.5pt; max-width: none; }
  th { background: none; }
  table, .cols { break-inside: avoid; }
}
)css";
    page.body = fmt::format(
        "<h1>昆明市专利资助支付审批表</h1>\n"
        "<p class=\"meta\">Approval sheet for patent subsidy payments — batch {0}</p>\n"
        "<table class=\"facts\">\n"
        "<tr><th>批次 Batch</th><td>第{0}批（决定日 as-of {1}）</td></tr>\n"
        "<tr><th>公示 Notice</th><td>{2}</td></tr>\n"
        "<tr><th>状态 Status</th><td>{3}</td></tr>\n"
        "<tr><th>支付合计 Total</th><td><strong>{4} 元</strong>（{5} 项 lines，{6} 个单位 payees）</td></tr>\n"
        "<tr><th>账本链头 Chain head</th><td><code>{7}</code></td></tr>\n"
        "</table>\n"
        "<div class=\"cols\">\n"
        "<div><h2>按条款 By clause</h2>\n<table><thead><tr><th>条款 Clause</th><th class=\"num\">项 Lines</th>"
        "<th class=\"num\">金额（元）</th></tr></thead>\n<tbody>\n{8}</tbody></table></div>\n"
        "<div><h2>按区县 By district</h2>\n<table><thead><tr><th>区县 District</th><th class=\"num\">项 Lines</th>"
        "<th class=\"num\">金额（元）</th></tr></thead>\n<tbody>\n{9}</tbody></table></div>\n"
        "</div>\n"
        "<h2>审批意见与签字 Sign-off</h2>\n"
        "<table class=\"sign\">\n"
        "<tr><th>经办人<br>Prepared by</th><td>签字 signature：</td><td>日期 date：</td></tr>\n"
        "<tr><th>审核人<br>Checked by</th><td>签字 signature：</td><td>日期 date：</td></tr>\n"
        "<tr><th>负责人<br>Approved by</th><td>签字 signature：</td><td>日期 date：</td></tr>\n"
        "</table>\n",
        batch_id, html_escape(batch->record.as_of), notice, status, to_yuan(Money{all.net_fen()}), all.lines,
        payees.size(), html_escape(head),
        tally_rows(by_clause, [](const std::string& c) { return c.empty() ? std::string() : "第" + c + "条"; }),
        tally_rows(by_district, [&](const std::string& d) { return texts.district_label(d); }));
    return html_page(page);
}

bool write_approval_sheet(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts,
                          const std::filesystem::path& out_dir) {
    const std::string bytes = approval_sheet_html(ledger, batch_id, texts);
    std::filesystem::create_directories(out_dir);
    return write_unless_same(out_dir / approval_sheet_name(batch_id), bytes);
}

}  // namespace patsub::exports

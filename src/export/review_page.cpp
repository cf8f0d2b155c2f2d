#include "export/review_page.h"

#include "export/output_file.h"

#include "export/bar_chart.h"
#include "export/breakdown_html.h"
#include "export/html_page.h"
#include "export/html_text.h"
#include "export/treasury_file.h"
#include "ledger/payee_store.h"
#include "model/money.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

namespace patsub::exports {

namespace {

std::string yuan(std::int64_t fen) { return to_yuan(Money{fen}); }

std::string clause_label(const std::string& clause) {
    return clause.empty() ? "（无条款）no clause" : "第 " + clause + " 条 clause " + clause;
}

std::string status_label(const std::string& status) {
    const Bilingual w = status_words(status);
    return w.zh + " " + w.en;
}

bool staff_held(const ReviewLine& r) { return r.staff && r.staff->action == "hold"; }

constexpr const char* page_style = R"css(
.state { padding: .5rem .8rem; border-radius: 4px; margin: .6rem 0; }
.state.approved { background: #e3f4e6; border: 1px solid #79b887; }
.state.pending { background: #fff5d6; border: 1px solid #d8b84a; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; }
.card { border: 1px solid #c9d3dc; border-radius: 4px; padding: .4rem .8rem; min-width: 9rem; }
.card b { display: block; font-size: 1.25rem; }
.grid { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
tr.held td { background: #fff8ef; }
tr.recovery td { background: #fdeeee; }
.more { margin: .4rem 0; color: #444; }
.ok { color: #1c6b2d; }
.no { color: #a1261b; }
.problem { color: #a1261b; }
)css";

std::string header(const ReviewData& d) {
    const auto& b = d.batch.record;
    std::string out = fmt::format(
        "<header>\n<h1>第 {0} 批审核 · Review of batch {0}</h1>\n"
        "<p class=\"meta\">运行 Run started {1} · 决定日 as of {2} · 政策 policy <code>{3}</code> "
        "(sha256 <code>{4}</code>) · patsub {5}</p>\n",
        d.batch.batch_id, html_escape(b.started_at), html_escape(b.as_of), html_escape(b.policy_file),
        html_escape(b.policy_sha256.substr(0, 16)), html_escape(b.patsub_version));
    if (d.approval) {
        out += fmt::format("<p class=\"state approved\">已批准 Approved by <b>{}</b> at {}", html_escape(d.approval->by),
                           html_escape(d.approval->at));
        if (d.treasury)
            out += fmt::format(" · <code>{}</code>: {} 户 payees, {} 项 lines, {} CNY (sha256 <code>{}</code>)",
                               html_escape(d.treasury->file_name), d.treasury->rows, d.treasury->lines,
                               yuan(d.treasury->total_fen), html_escape(d.treasury->sha256));
        out += "</p>\n";
    } else {
        out += fmt::format("<p class=\"state pending\">待批准 Not approved yet: nothing is paid until the proposed "
                           "payments were published (公示) for the notice period and staff approved the batch after "
                           "it (<code>patsub notice publish {0}</code>, then <code>patsub approve --batch {0}</code>, "
                           "or the workbench)</p>\n",
                           d.batch.batch_id);
    }
    return out + "</header>\n";
}

std::string summary_section(const ReviewData& d, const ReviewTexts& texts) {
    const Tally& t = d.total;
    auto count = [&](LineStatus s) {
        auto it = d.by_status.find(std::string(to_string(s)));
        return it == d.by_status.end() ? 0 : it->second.lines;
    };
    std::string out = "<section id=\"summary\">\n<h2>汇总 Batch summary</h2>\n<div class=\"cards\">";
    out += fmt::format("<div class=\"card\">明细 Lines<b>{}</b></div>", t.lines);
    out += fmt::format("<div class=\"card\">可支付 Payable<b>{} CNY</b>{} 项 lines</div>", yuan(t.payable_fen),
                       t.payable_lines);
    out += fmt::format("<div class=\"card\">暂缓 Held<b>{}</b></div>", count(LineStatus::held));
    out += fmt::format("<div class=\"card\">不予资助 Rejected<b>{}</b></div>", count(LineStatus::rejected));
    if (count(LineStatus::recovery) > 0)
        out += fmt::format("<div class=\"card\">追回 Recovery<b>{} CNY</b></div>", yuan(t.recovery_fen));
    out += "</div>\n";
    out += svg_bar_chart("按条款金额 Amounts by clause (CNY)", breakdown_bars(d.by_clause, clause_label));
    out += "\n<div class=\"grid\"><div><h3>按条款 By clause</h3>" +
           breakdown_table(d.by_clause, "条款 Clause", clause_label) + "</div>";
    out += "<div><h3>按状态 By status</h3>" + breakdown_table(d.by_status, "状态 Status", status_label) + "</div>";
    out += "<div><h3>按区县 By district</h3>" +
           breakdown_table(d.by_district, "区县 District", [&](const std::string& k) { return texts.district_label(k); }) +
           "</div></div>\n</section>\n";
    return out;
}

std::string bank_changes_list(const ReviewData& d) {
    if (d.bank_changes.empty()) return "";
    std::string items;
    for (const auto& c : d.bank_changes)
        items += fmt::format("<li class=\"problem\"><code>{}</code>：{} <code>{}</code> → {} <code>{}</code>"
                             "（名录 registry {}，第 {} 批 batch {}，{}）</li>",
                             html_escape(c.uscc), html_escape(c.old_bank_name), html_escape(c.old_bank_account),
                             html_escape(c.new_bank_name), html_escape(c.new_bank_account),
                             html_escape(c.registry_path), c.batch_id, c.batch_id, html_escape(c.at));
    return "<h3>银行账户变更 Bank account changes</h3>\n<p>以下收款单位的开户行或账号曾在名录中变更，请核对后再批准 / "
           "These payees' bank details were changed by a registry snapshot: check before approving.</p><ul>" +
           items + "</ul>\n";
}

std::string notice_section(const ReviewData& d) {
    std::string out = "<section id=\"notice\">\n<h2>公示 Public notice</h2>\n";
    if (!d.notice)
        return out + "<p>未公示 Not published yet: the batch may be approved only after its proposed payments were "
                     "published for the notice period (policy.md reading 19).</p>\n</section>\n";
    const auto& p = *d.notice;
    return out + fmt::format("<p>公示期 Notice period {} – {}（{} 个工作日 working days），{} 发布 published by {}；"
                             "{} 项 lines, {} CNY；异议 objections: <b>{}</b>（每件异议暂缓其明细 each holds its line）</p>\n"
                             "</section>\n",
                             html_escape(p.first_day), html_escape(p.last_day), p.working_days,
                             html_escape(p.published_at), html_escape(p.published_by), p.lines, yuan(p.total_fen),
                             d.objections);
}

// Where every line is: the workbench (server-side paging and filters) and the batch's
// ledger.csv beside this page. PATSUB_WORKBENCH_URL names the workbench's address until
// the configuration file does (its listen address); only http(s) addresses are linked.
std::string more_section(const ReviewData& d) {
    std::string workbench;
    const char* url = std::getenv("PATSUB_WORKBENCH_URL");
    const std::string base = url ? url : "";
    if (base.rfind("https://", 0) == 0 || base.rfind("http://", 0) == 0)
        workbench = fmt::format("<a href=\"{0}/batches/{1}\">{0}/batches/{1}</a>", html_escape(base), d.batch.batch_id);
    else
        workbench = fmt::format("<code>patsub serve</code>（页面 page <code>/batches/{}</code>）", d.batch.batch_id);
    return fmt::format("<section id=\"more\">\n<h2>全部明细 Every line</h2>\n"
                       "<p>本页为摘要；全部 {} 项明细及其理由请在工作台查看：{}；或打开本目录的 "
                       "<a href=\"ledger.csv\">ledger.csv</a>。<br>This page is a summary: every line with its "
                       "reasoning is in the workbench and in the batch's ledger.csv.</p>\n</section>\n",
                       d.total.lines, workbench);
}

std::string treasury_section(const ReviewData& d) {
    std::string out = "<section id=\"treasury\">\n<h2>国库支付 Treasury file</h2>\n";
    out += d.approval ? "<p>批准时写入的国库支付文件各行 / The rows the treasury file of this approval carries.</p>\n"
                      : "<p>若现在批准，国库支付文件将包含以下各行 / If approved now, the treasury file carries these rows "
                        "(staff-held lines excluded; lines released since an earlier approval included).</p>\n";
    if (!d.treasury_problem.empty())
        return out + "<p class=\"problem\">" + html_escape(d.treasury_problem) + "</p>\n</section>\n";
    out += "<table><thead><tr><th>统一社会信用代码 USCC</th><th>单位 Payee</th><th>开户行 Bank</th><th>账号 Account</th>"
           "<th class=\"num\">金额 Amount CNY</th><th class=\"num\">明细 Lines</th></tr></thead><tbody>";
    std::int64_t total = 0, lines = 0;
    std::size_t shown = 0;
    for (const auto& r : d.treasury_rows) {
        total += r.amount_fen;
        lines += r.lines;
        if (shown++ >= max_listed) continue;
        out += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td><code>{}</code></td>"
                           "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                           html_escape(r.payee_uscc), html_escape(r.payee_name), html_escape(r.bank_name),
                           html_escape(r.bank_account), yuan(r.amount_fen), r.lines);
    }
    if (d.treasury_rows.empty()) out += "<tr><td colspan=\"6\">无 none</td></tr>";
    if (d.treasury_rows.size() > max_listed)
        out += fmt::format("<tr><td colspan=\"6\" class=\"more\">另有 {} 户 … and {} more payees (workbench, "
                           "treasury file)</td></tr>",
                           d.treasury_rows.size() - max_listed, d.treasury_rows.size() - max_listed);
    out += fmt::format("</tbody><tfoot><tr><th colspan=\"4\">合计 Total ({} 户 payees)</th><th class=\"num\">{}</th>"
                       "<th class=\"num\">{}</th></tr></tfoot></table>\n",
                       d.treasury_rows.size(), yuan(total), lines);
    std::string carried;
    std::size_t carried_shown = 0;
    for (const auto& l : d.carried)
        if (carried_shown++ < max_listed) carried += fmt::format("<li>行 line {} (第 {} 批 batch {}) {} {} {} CNY</li>", l.line_id, l.batch_id,
                               l.batch_id, html_escape(l.grant_id), html_escape(l.payee_name), yuan(l.amount.fen));
    if (!carried.empty())
        out += "<p>包含此前暂缓后放行的明细 / Includes lines released from a staff hold after their own batch was "
               "approved:</p><ul>" + carried + "</ul>\n";
    return out + bank_changes_list(d) + "</section>\n";
}

std::string reason_cells(const std::string& code, const ReviewTexts& texts) {
    const Bilingual* b = texts.reasons.find(code);
    return fmt::format("<td><code>{}</code></td><td>{}</td><td>{}</td>", html_escape(code),
                       b ? html_escape(b->zh) : "", b ? html_escape(b->en) : "");
}

std::string attention_section(const ReviewData& d, const ReviewTexts& texts) {
    std::string rows;
    for (const auto& r : d.attention) {
        const auto& l = r.line;
        const bool held_by_staff = staff_held(r);
        const std::string code = held_by_staff && l.status == LineStatus::payable ? "staff_hold" : l.reason;
        std::string cells = reason_cells(code, texts);
        if (held_by_staff)
            cells += fmt::format("<td>{} · {}: {}</td>", html_escape(r.staff->by), html_escape(r.staff->at),
                                 html_escape(r.staff->why));
        else
            cells += "<td></td>";
        rows += fmt::format("<tr class=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                            "<td class=\"num\">{}</td>{}</tr>\n",
                            to_string(l.status), l.line_id, html_escape(l.grant_id), html_escape(l.payee_name),
                            html_escape(l.clause), html_escape(status_label(std::string(to_string(l.status)))), yuan(l.amount.fen), cells);
    }
    std::string out = "<section id=\"attention\">\n<h2>暂缓与追回 Held lines and recoveries</h2>\n";
    if (rows.empty()) {
        out += "<p>无 none</p>\n";
    } else {
        out += "<table><thead><tr><th class=\"num\">行 Line</th><th>专利 Patent</th><th>单位 Payee</th>"
               "<th>条款 Clause</th><th>状态 Status</th><th class=\"num\">金额 Amount CNY</th><th>原因 Reason</th>"
               "<th>说明</th><th>Explanation</th><th>工作人员暂缓 Staff hold</th></tr></thead><tbody>\n" +
               rows + "</tbody></table>\n";
        if (d.attention_more > 0)
            out += fmt::format("<p class=\"more\">另有 {} 项 … and {} more (workbench)</p>\n", d.attention_more,
                               d.attention_more);
    }
    out += "<h3>按原因 Not payable, by reason</h3>" +
           breakdown_table(d.by_reason, "原因 Reason", [&](const std::string& code) {
               const Bilingual* b = texts.reasons.find(code);
               return b ? b->zh + " " + b->en + " (" + code + ")" : code;
           });
    return out + "</section>\n";
}

// Lines the summary names one by one (up to max_listed): held by the rules or by staff,
// and recoveries. Rejected lines are only counted, by reason.
bool needs_attention(const ReviewLine& r) {
    const auto s = r.line.status;
    return s == LineStatus::held || s == LineStatus::recovery || staff_held(r);
}

// What the page shows beside each line of the batch: the payee's district and the latest
// staff hold event. (Which treasury file carried each line is not kept: the page never
// showed it, and after approval that was a map of every line of the batch.)
class LineDecorations {
public:
    LineDecorations(ledger::Ledger& ledger, std::int64_t batch_id) : batch_id_(batch_id) {
        ledger::ReviewStore store(ledger);
        ledger::PayeeStore payees(ledger);
        districts_ = payees.current_districts();
        holds_ = store.hold_states(batch_id);
    }

    ReviewLine decorate(ledger::LedgerLine&& l) const {
        ReviewLine r;
        if (auto it = districts_.find(l.payee_uscc); it != districts_.end()) r.district = it->second;
        if (auto it = holds_.find(l.line_id); it != holds_.end()) r.staff = it->second;
        r.line = std::move(l);
        return r;
    }

    // Every line of the batch, in line order, one at a time.
    void for_each(ledger::Ledger& ledger, const std::function<void(ReviewLine&&)>& visit) const {
        ledger::LineFilter f;
        f.batch_id = batch_id_;
        ledger.for_each_line(f, [&](ledger::LedgerLine&& l) { visit(decorate(std::move(l))); });
    }

private:
    std::int64_t batch_id_;
    std::map<std::string, std::string> districts_;
    std::map<std::int64_t, ledger::HoldEvent> holds_;
};

PageParts page_frame(std::int64_t batch_id) {
    PageParts page;
    page.title = fmt::format("第 {0} 批审核 Review of batch {0} · patsub", batch_id);
    page.extra_style = page_style;
    return page;
}

}  // namespace

namespace {

ReviewData gather(ledger::Ledger& ledger, std::int64_t batch_id, const LineDecorations& decorations) {
    ledger::ReviewStore store(ledger);
    ledger::PayeeStore payees(ledger);
    auto batch = store.batch(batch_id);
    if (!batch) throw ledger::ReviewRefused(fmt::format("there is no batch {} in this ledger", batch_id));
    ReviewData d;
    d.batch = *batch;
    d.approval = store.approval(batch_id);
    ledger::NoticeStore notices(ledger);
    d.notice = notices.publication(batch_id);
    d.objections = notices.objections_of_batch(batch_id).size();
    decorations.for_each(ledger, [&](ReviewLine&& r) {
        d.total.add(r.line);
        d.by_clause[r.line.clause].add(r.line);
        d.by_status[std::string(to_string(r.line.status))].add(r.line);
        d.by_district[r.district].add(r.line);
        if (r.line.status != LineStatus::payable) d.by_reason[r.line.reason].add(r.line);
        if (!needs_attention(r)) return;
        if (d.attention.size() >= max_listed) {
            ++d.attention_more;
            return;
        }
        std::string().swap(r.line.reasoning);  // the summary names the reason, not the reasoning
        d.attention.push_back(std::move(r));
    });
    // Only the lines of other batches are kept (released from a staff hold after their
    // own batch was approved): the page names them.
    auto keep_carried = [&](ledger::LedgerLine&& l) {
        if (l.batch_id != batch_id) d.carried.push_back(std::move(l));
    };
    if (d.approval) {
        d.treasury = store.treasury_file(batch_id);
        d.treasury_rows = store.treasury_rows(batch_id);
        store.for_each_exported_line(batch_id, keep_carried);
    } else {
        TreasuryTally tally(payees);
        try {
            store.for_each_export_candidate(batch_id, [&](ledger::LedgerLine&& l) {
                tally.add(l);
                keep_carried(std::move(l));
            });
            d.treasury_rows = tally.rows();
        } catch (const ledger::ReviewRefused& e) {
            d.treasury_problem = e.what();
        }
    }
    for (const auto& r : d.treasury_rows)
        for (auto& c : payees.bank_changes(r.payee_uscc))
            if (!d.approval || c.batch_id <= batch_id) d.bank_changes.push_back(std::move(c));
    return d;
}

}  // namespace

ReviewData gather_review(ledger::Ledger& ledger, std::int64_t batch_id) {
    return gather(ledger, batch_id, LineDecorations(ledger, batch_id));
}

void write_review_page(std::ostream& out, ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts) {
    const LineDecorations decorations(ledger, batch_id);
    const ReviewData d = gather(ledger, batch_id, decorations);
    const PageParts frame = page_frame(batch_id);
    out << html_page_head(frame) << header(d) << notice_section(d) << summary_section(d, texts)
        << treasury_section(d) << attention_section(d, texts) << more_section(d) << html_page_tail(frame);
}

std::string review_page(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts) {
    std::ostringstream out;
    write_review_page(out, ledger, batch_id, texts);
    return std::move(out).str();
}

void write_review_page(ledger::Ledger& ledger, std::int64_t batch_id, const std::filesystem::path& file,
                       const ReviewTexts& texts) {
    OutputFile out(file);
    write_review_page(out.stream(), ledger, batch_id, texts);
    out.commit();
}

}  // namespace patsub::exports

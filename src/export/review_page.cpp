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

// The page's script: filter, sort and the explanation of a line, all through DOM text
// nodes (never innerHTML), so that no value of the ledger is ever parsed as markup.
constexpr const char* page_script = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var table = document.getElementById('lines-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var hit = q === '' || r.getAttribute('data-search').toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) n++;
    });
    shown.textContent = n + ' / ' + rows.length;
  }
  filter.addEventListener('input', applyFilter);
  applyFilter();

  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    if (!th.hasAttribute('data-sort')) return;
    th.tabIndex = 0;
    function sort() {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var numeric = th.getAttribute('data-sort') === 'num';
      function key(r) { var c = r.cells[i]; return c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent; }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN', { numeric: true });
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
    });
  });

  var labels = data.labels;
  function text(s) { return document.createTextNode(s); }
  function render(v) {
    if (Array.isArray(v)) {
      if (v.length === 0) return text('—');
      var ul = document.createElement('ul');
      v.forEach(function (item) {
        var li = document.createElement('li');
        li.appendChild(render(item));
        ul.appendChild(li);
      });
      return ul;
    }
    if (v !== null && typeof v === 'object') {
      if (Object.prototype.hasOwnProperty.call(v, 'check') && Object.prototype.hasOwnProperty.call(v, 'holds')) {
        var s = document.createElement('span');
        s.className = v.holds ? 'ok' : 'no';
        s.textContent = (v.holds ? '✓ ' : '✗ ') + v.check + (v.detail ? ' — ' + v.detail : '');
        return s;
      }
      var dl = document.createElement('dl');
      Object.keys(v).forEach(function (k) {
        var dt = document.createElement('dt');
        dt.textContent = Object.prototype.hasOwnProperty.call(labels, k) ? labels[k] : k;
        var dd = document.createElement('dd');
        dd.appendChild(render(v[k]));
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      return dl;
    }
    if (typeof v === 'boolean') return text(v ? '是 yes' : '否 no');
    return text(v === null || v === '' ? '—' : String(v));
  }
  Array.prototype.forEach.call(document.querySelectorAll('details[data-line]'), function (d) {
    d.addEventListener('toggle', function () {
      var box = d.querySelector('.why');
      if (!d.open || box.childNodes.length > 0) return;
      var raw = data.reasoning[d.getAttribute('data-line')];
      var parsed;
      try { parsed = JSON.parse(raw); } catch (e) { parsed = null; }
      if (parsed === null) {
        var pre = document.createElement('pre');
        pre.textContent = raw === undefined ? '—' : raw;
        box.appendChild(pre);
      } else {
        box.appendChild(render(parsed));
      }
    });
  });
})();
)js";

constexpr const char* page_style = R"css(
.state { padding: .5rem .8rem; border-radius: 4px; margin: .6rem 0; }
.state.approved { background: #e3f4e6; border: 1px solid #79b887; }
.state.pending { background: #fff5d6; border: 1px solid #d8b84a; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; }
.card { border: 1px solid #c9d3dc; border-radius: 4px; padding: .4rem .8rem; min-width: 9rem; }
.card b { display: block; font-size: 1.25rem; }
.grid { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
#filter { font: inherit; padding: .3rem .5rem; width: 24rem; max-width: 100%; }
#lines-table th[data-sort] { cursor: pointer; user-select: none; }
#lines-table th[aria-sort="ascending"]::after { content: " ▲"; }
#lines-table th[aria-sort="descending"]::after { content: " ▼"; }
tr.held td, tr.rejected td { background: #fff8ef; }
tr.recovery td { background: #fdeeee; }
.badge { display: inline-block; font-size: .8em; padding: 0 .35rem; border-radius: 3px; background: #eee; margin-left: .2rem; }
.badge.hold { background: #f6d58e; }
.badge.done { background: #cfe8d4; }
details .why { margin-top: .3rem; min-width: 22rem; max-width: 44rem; overflow-wrap: anywhere; }
details dl { display: grid; grid-template-columns: max-content auto; gap: .1rem .7rem; margin: .2rem 0 .2rem .2rem; }
details dt { font-weight: bold; }
details dd { margin: 0; }
details ul { margin: .1rem 0; padding-left: 1.2rem; }
.ok { color: #1c6b2d; }
.no { color: #a1261b; }
.problem { color: #a1261b; }
)css";

// A JSON string literal; a stray byte becomes U+FFFD rather than breaking the page.
std::string json_string(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string labels_json() {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    const std::pair<const char*, const char*> labels[] = {
        {"grant", "事实 Facts read"}, {"id", "编号 Grant id"}, {"title", "名称 Title"}, {"date", "日期 Date"},
        {"application_number", "申请号 Application"}, {"declared_type", "申报类型 Declared type"},
        {"kind_note", "文献种类 Kind"}, {"source", "来源 Source"}, {"file", "文件 File"},
        {"document", "文献序号 Document"}, {"line", "行 Line"}, {"patentees", "专利权人 Patentees"},
        {"name", "名称 Name"}, {"address", "地址 Address"}, {"city", "城市 City"}, {"country", "国家 Country"},
        {"priorities", "优先权 Priorities"}, {"number", "号码 Number"}, {"pct_application", "PCT 申请 PCT application"},
        {"policy_version", "政策版本 Policy version"}, {"clause", "条款 Clause"}, {"checks", "核查 Checks"},
        {"family", "同族 Family"}, {"payee", "收款单位 Payee"},
    };
    for (const auto& [k, v] : labels) j[k] = v;
    return j.dump();
}

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
        out += fmt::format("<p class=\"state pending\">待批准 Not approved yet: nothing is paid until staff run "
                           "<code>patsub approve --db DB --batch {} --by NAME --out DIR</code></p>\n",
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
    for (const auto& r : d.treasury_rows) {
        out += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td><code>{}</code></td>"
                           "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                           html_escape(r.payee_uscc), html_escape(r.payee_name), html_escape(r.bank_name),
                           html_escape(r.bank_account), yuan(r.amount_fen), r.lines);
        total += r.amount_fen;
        lines += r.lines;
    }
    if (d.treasury_rows.empty()) out += "<tr><td colspan=\"6\">无 none</td></tr>";
    out += fmt::format("</tbody><tfoot><tr><th colspan=\"4\">合计 Total ({} 户 payees)</th><th class=\"num\">{}</th>"
                       "<th class=\"num\">{}</th></tr></tfoot></table>\n",
                       d.treasury_rows.size(), yuan(total), lines);
    std::string carried;
    for (const auto& l : d.carried)
        carried += fmt::format("<li>行 line {} (第 {} 批 batch {}) {} {} {} CNY</li>", l.line_id, l.batch_id,
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
        rows += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>{}</tr>\n",
                            l.line_id, html_escape(l.grant_id), html_escape(l.payee_name), html_escape(l.clause),
                            html_escape(status_label(std::string(to_string(l.status)))), cells);
    }
    std::string out = "<section id=\"attention\">\n<h2>暂缓与不予资助 Held and rejected lines</h2>\n";
    if (rows.empty()) return out + "<p>无 none</p>\n</section>\n";
    return out + "<table><thead><tr><th class=\"num\">行 Line</th><th>专利 Patent</th><th>单位 Payee</th>"
                 "<th>条款 Clause</th><th>状态 Status</th><th>原因 Reason</th><th>说明</th><th>Explanation</th>"
                 "<th>工作人员暂缓 Staff hold</th></tr></thead><tbody>\n" +
           rows + "</tbody></table>\n</section>\n";
}

constexpr const char* lines_section_open =
    "<section id=\"lines\">\n<h2>全部明细 All lines</h2>\n"
    "<p><label>筛选 Filter <input id=\"filter\" type=\"search\" autocomplete=\"off\" "
    "placeholder=\"专利、单位、条款、状态 patent, payee, clause, status\"></label> <span id=\"shown\"></span></p>\n"
    "<table id=\"lines-table\"><thead><tr><th class=\"num\" data-sort=\"num\">行 Line</th>"
    "<th data-sort=\"text\">专利 Patent</th><th data-sort=\"text\">单位 Payee</th>"
    "<th data-sort=\"text\">区县 District</th><th data-sort=\"text\">条款 Clause</th>"
    "<th data-sort=\"text\">状态 Status</th><th class=\"num\" data-sort=\"num\">金额 Amount CNY</th>"
    "<th data-sort=\"text\">原因 Reason</th><th>说明 Why</th></tr></thead>\n<tbody>\n";
constexpr const char* lines_section_close = "</tbody></table>\n</section>\n";

std::string line_row(const ReviewLine& r, const ReviewTexts& texts) {
    const auto& l = r.line;
    const Bilingual status = status_words(l.status);
    std::string badges;
    if (staff_held(r)) badges += "<span class=\"badge hold\">工作人员暂缓 staff hold</span>";
    if (r.exported_in) badges += fmt::format("<span class=\"badge done\">已付 treasury-{}</span>", *r.exported_in);
    const std::string district = texts.district_label(r.district);
    const std::string search = fmt::format("{} {} {} {} {} {} {} {} {}", l.grant_id, l.payee_name, l.payee_uscc,
                                           l.clause, to_string(l.status), status.zh, l.reason, district,
                                           staff_held(r) ? "staff_hold" : "");
    const Bilingual* reason = texts.reasons.find(l.reason);
    return fmt::format(
        "<tr class=\"{0}\" data-search=\"{1}\"><td class=\"num\" data-v=\"{2}\">{2}</td><td>{3}</td>"
        "<td>{4}<br><code>{5}</code></td><td>{6}</td><td>{7}</td><td>{8} {9}{10}</td>"
        "<td class=\"num\" data-v=\"{11}\">{12}</td><td title=\"{13}\">{14}</td>"
        "<td><details data-line=\"{2}\"><summary>说明 why</summary><div class=\"why\"></div></details></td></tr>\n",
        to_string(l.status), html_escape(search), l.line_id, html_escape(l.grant_id), html_escape(l.payee_name),
        html_escape(l.payee_uscc), html_escape(district), html_escape(l.clause), html_escape(status.zh),
        html_escape(status.en), badges, l.amount.fen, yuan(l.amount.fen),
        reason ? html_escape(reason->zh + " / " + reason->en) : "", html_escape(l.reason));
}

bool needs_attention(const ReviewLine& r) {
    return r.line.status != LineStatus::payable || staff_held(r);
}

// What the page shows beside each line of the batch: the payee's district, the latest
// staff hold event, the treasury file that carried it.
class LineDecorations {
public:
    LineDecorations(ledger::Ledger& ledger, std::int64_t batch_id) : batch_id_(batch_id) {
        ledger::ReviewStore store(ledger);
        ledger::PayeeStore payees(ledger);
        districts_ = payees.current_districts();
        holds_ = store.hold_states(batch_id);
        exported_ = store.exported_batches(batch_id);
    }

    ReviewLine decorate(ledger::LedgerLine&& l) const {
        ReviewLine r;
        if (auto it = districts_.find(l.payee_uscc); it != districts_.end()) r.district = it->second;
        if (auto it = holds_.find(l.line_id); it != holds_.end()) r.staff = it->second;
        if (auto it = exported_.find(l.line_id); it != exported_.end()) r.exported_in = it->second;
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
    std::map<std::int64_t, std::int64_t> exported_;
};

PageParts page_frame(std::int64_t batch_id) {
    PageParts page;
    page.title = fmt::format("第 {0} 批审核 Review of batch {0} · patsub", batch_id);
    page.extra_style = page_style;
    page.script = page_script;
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
    decorations.for_each(ledger, [&](ReviewLine&& r) {
        d.total.add(r.line);
        d.by_clause[r.line.clause].add(r.line);
        d.by_status[std::string(to_string(r.line.status))].add(r.line);
        d.by_district[r.district].add(r.line);
        if (!needs_attention(r)) return;
        std::string().swap(r.line.reasoning);  // the table of lines carries it; this one only names the reason
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
        for (auto& l : store.exported_lines(batch_id)) keep_carried(std::move(l));
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
    out << html_page_head(frame) << header(d) << summary_section(d, texts) << treasury_section(d)
        << attention_section(d, texts) << lines_section_open;
    // The batch's lines are read from the ledger again for the table and once more for
    // the reasoning, instead of being held: a batch may carry tens of thousands of them.
    decorations.for_each(ledger, [&](ReviewLine&& r) { out << line_row(r, texts); });
    out << lines_section_close << data_script_open << script_json("{\"labels\":" + labels_json() + ",\"reasoning\":{");
    bool first = true;
    ledger::LineFilter f;
    f.batch_id = batch_id;
    ledger.for_each_line(f, [&](ledger::LedgerLine&& l) {
        // Each reasoning travels as a JSON string and is parsed on demand, so that a
        // malformed one shows as text instead of breaking the page.
        std::string entry = first ? "" : ",";
        first = false;
        entry += json_string(std::to_string(l.line_id));
        entry += ':';
        entry += json_string(l.reasoning);
        out << script_json(entry);
    });
    out << script_json("}}") << data_script_close << html_page_tail(frame);
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

#include "serve/pages/batch_page.h"

#include "export/lines_workbook.h"
#include "ledger/notice_store.h"
#include "ledger/workbench_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "notice/approval_gate.h"
#include "serve/batch_stage.h"
#include "serve/line_rows.h"
#include "serve/line_search.h"

#include <fmt/format.h>

#include <utility>
#include <vector>

namespace patsub::serve::pages {

namespace {

constexpr std::int64_t kPageSize = 50;

std::string options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen,
                    Lang lang) {
    std::string out = fmt::format(R"(<option value="">{}</option>)", t(lang, "filter.any"));
    for (const auto& [value, label] : values)
        out += fmt::format(R"(<option value="{}"{}>{}</option>)", esc(value), value == chosen ? " selected" : "", label);
    return out;
}

// Why the batch's buttons are there or not (point 3: the page says why one is missing).
std::string batch_actions(WorkbenchContext& wb, const Visit& v, const ledger::BatchOverview& b) {
    const Lang lang = v.lang;
    std::string out = R"(<div class="actions" id="actions">)";
    if (!b.approved_by.empty()) {
        out += fmt::format(R"(<p class="why" id="why-approved">{}</p>)",
                           say(lang, "why.approved", b.approved_by, b.approved_at));
    } else {
        const auto gate = notice::approval_open(wb.ledger(), b.batch_id, local_date(now(), wb.options.time_zone));
        if (gate.publication)
            out += fmt::format(R"(<p id="notice-period">{}</p>)",
                               say(lang, "notice.period", gate.publication->first_day, gate.publication->last_day));
        if (may(v.person.role, Permission::mark_reviewed)) {
            out += fmt::format(R"(<form method="post" action="/batch/{}/reviewed">{}<button type="submit" id="mark-reviewed">{}</button></form>)",
                               b.batch_id, csrf_field(v), t(lang, "batch.mark_reviewed"));
            if (b.reviewed_by.empty())
                out += fmt::format(R"(<p class="why" id="why-no-publish">{}</p>)", t(lang, "why.not_reviewed_publish"));
            else if (!gate.publication)
                out += fmt::format(R"(<form method="post" action="/batch/{}/publish" data-confirm="{}">{}<button type="submit" id="publish">{}</button></form>)",
                                   b.batch_id, t(lang, "batch.publish"), csrf_field(v), t(lang, "batch.publish"));
        }
        if (may(v.person.role, Permission::approve)) {
            const auto reviewers = ledger::WorkbenchStore(wb.ledger()).reviewers_of(b.batch_id);
            if (b.reviewed_by.empty())
                out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)", t(lang, "why.not_reviewed"));
            else if (reviewers.count(v.person.name))
                out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)", t(lang, "why.two_persons"));
            else if (!gate.open)
                out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)", esc(gate.refusal));
            else
                out += fmt::format(R"(<form method="post" action="/batch/{}/approve" data-confirm="{}">{}<button type="submit" id="approve">{}</button></form>)",
                                   b.batch_id, t(lang, "batch.approve"), csrf_field(v), t(lang, "batch.approve"));
        } else {
            out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)",
                               say(lang, "why.missing_role", msg(lang, fmt::format("role.{}", role_name(v.person.role)))));
        }
    }
    out += "</div>";
    return out;
}

}  // namespace

void batch_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const Lang lang = v.lang;
    const std::int64_t id = id_in_path(req, lang);
    ledger::WorkbenchStore store(wb.ledger());
    const auto b = store.overview(id);
    if (!b) throw Refusal{404, t(lang, "batch.unknown")};

    ledger::LineQuery q;
    q.batch_id = id;
    q.status = req.get_param_value("status");
    q.clause = req.get_param_value("clause");
    q.reason = req.get_param_value("reason");
    q.district = req.get_param_value("district");
    if (!q.status.empty() && !has_msg("status." + q.status)) throw Refusal{400, say(lang, "err.bad_form", "status")};
    const std::string text = req.get_param_value("q");
    if (text.size() > 200) throw Refusal{400, say(lang, "err.bad_form", "q")};
    if (text.find_first_not_of(" \t") != std::string::npos) {
        auto found = resolve_search(wb.ledger(), text);
        q.text_given = true;
        q.grant_ids = std::move(found.grant_ids);
        q.usccs = std::move(found.usccs);
    }
    const std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "line";
    static const std::vector<std::pair<std::string, ledger::LineOrder>> orders{
        {"line", ledger::LineOrder::line},       {"amount_desc", ledger::LineOrder::amount_desc},
        {"amount_asc", ledger::LineOrder::amount_asc}, {"clause", ledger::LineOrder::clause},
        {"status", ledger::LineOrder::status}};
    bool known_sort = false;
    for (const auto& [name, order] : orders)
        if (name == sort) q.order = order, known_sort = true;
    if (!known_sort) throw Refusal{400, say(lang, "err.bad_form", "sort")};
    std::int64_t page_no = 1;
    if (req.has_param("page")) {
        auto p = to_int(req.get_param_value("page"));
        if (!p || *p < 1 || *p > 1000000) throw Refusal{400, say(lang, "err.bad_form", "page")};
        page_no = *p;
    }
    // Next and previous carry the line the page ends or starts with (keyset paging: the
    // page is read off an index from there); a page number alone skips index entries.
    for (auto [name, field] : {std::pair{"after", &q.after}, std::pair{"before", &q.before}})
        if (req.has_param(name)) {
            auto mark = to_int(req.get_param_value(name));
            if (!mark || *mark < 1) throw Refusal{400, say(lang, "err.bad_form", name)};
            *field = *mark;
        }
    if (q.after == 0 && q.before == 0) q.offset = (page_no - 1) * kPageSize;
    q.limit = kPageSize;
    const std::int64_t total = store.count(q);
    const auto rows = store.lines(q);

    std::vector<std::pair<std::string, std::string>> status_opts, clause_opts, reason_opts, district_opts, sort_opts;
    for (const char* s : {"payable", "held", "rejected", "recovery"}) status_opts.emplace_back(s, status_word(lang, s));
    for (const auto& c : store.clauses(id)) clause_opts.emplace_back(c, esc(c));
    for (const auto& r : store.reasons(id)) {
        const auto* w = wb.texts.reasons.find(r);
        reason_opts.emplace_back(r, esc(w ? (lang == Lang::zh ? w->zh : w->en) : r));
    }
    for (const auto& [code, w] : wb.texts.districts.entries())
        district_opts.emplace_back(code, esc(lang == Lang::zh ? w.zh : w.en));
    for (const auto& [name, order] : orders) sort_opts.emplace_back(name, t(lang, "sort." + name));

    std::string body = flash(req, lang);
    std::int64_t lines = 0;
    for (const auto& [s, tally] : b->by_status) lines += tally.lines;
    body += fmt::format(R"(<h1>{} {} · {}</h1><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>)",
                        t(lang, "batch.title"), id,
                        batch_state(lang, *b, ledger::NoticeStore(wb.ledger()).publication(id), wb.options.time_zone),
                        t(lang, "batch.started"),
                        esc(b->started_at), t(lang, "batch.as_of"), esc(b->as_of), t(lang, "batch.lines"), lines);
    for (const auto& [s, tally] : b->by_status)
        body += fmt::format("<dt>{}</dt><dd>{} · {} 元</dd>", status_word(lang, s), tally.lines, yuan(tally.fen));
    std::string reviewed;
    for (const auto& r : b->reviewed_by) reviewed += esc(r) + "<br>";
    body += fmt::format("<dt>{}</dt><dd id=\"reviewed-by\">{}</dd><dt>{}</dt><dd id=\"approved-by\">{}</dd></dl>",
                        t(lang, "batch.reviewed_by"), reviewed.empty() ? "—" : reviewed, t(lang, "batch.approved_by"),
                        b->approved_by.empty() ? "—" : esc(b->approved_by + " " + b->approved_at));
    body += batch_actions(wb, v, *b);
    if (may(v.person.role, Permission::download)) {
        body += fmt::format("<h2>{}</h2><ul id=\"downloads\">", t(lang, "batch.downloads"));
        for (const auto& n : download_names(wb.ledger(), id))
            if (n == exports::lines_workbook_name(id) || std::filesystem::exists(wb.options.out / n))
                body += fmt::format(R"(<li><a href="/download/{}/{}">{}</a> {}</li>)", id, esc(n), esc(n),
                                    t(lang, download_label(n)));
        body += "</ul>";
    }
    body += fmt::format(R"(<form class="filters" method="get" action="/batch/{}" id="filters">)"
                        R"(<label>{}<select name="status">{}</select></label><label>{}<select name="clause">{}</select></label>)"
                        R"(<label>{}<select name="district">{}</select></label><label>{}<select name="reason">{}</select></label>)"
                        R"(<label>{}<input class="wide" type="text" name="q" id="q" value="{}"></label>)"
                        R"(<label>{}<select name="sort">{}</select></label><button type="submit" id="apply">{}</button></form>)",
                        id, t(lang, "filter.status"), options(status_opts, q.status, lang), t(lang, "filter.clause"),
                        options(clause_opts, q.clause, lang), t(lang, "filter.district"),
                        options(district_opts, q.district, lang), t(lang, "filter.reason"),
                        options(reason_opts, q.reason, lang), t(lang, "filter.text"), esc(text),
                        t(lang, "filter.sort"), options(sort_opts, sort, lang).substr(options({}, "", lang).size()),
                        t(lang, "filter.apply"));
    if (rows.empty()) {
        body += fmt::format(R"(<p id="no-lines">{}</p>)", t(lang, "page.none"));
    } else {
        body += fmt::format(R"(<table id="lines"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>)",
                            t(lang, "col.line"), t(lang, "col.grant"), t(lang, "col.payee"), t(lang, "col.clause"),
                            t(lang, "col.status"), t(lang, "col.amount"), t(lang, "col.reason"), t(lang, "col.hold"));
        for (const auto& r : rows) body += line_row(wb.texts, lang, r, false);
        body += "</table>";
    }
    const std::int64_t pages = (total + kPageSize - 1) / kPageSize;
    auto link = [&](std::int64_t p, const char* mark, std::int64_t line) {
        return fmt::format("/batch/{}?status={}&amp;clause={}&amp;district={}&amp;reason={}&amp;q={}&amp;sort={}&amp;page={}&amp;{}={}",
                           id, url_part(q.status), url_part(q.clause), url_part(q.district), url_part(q.reason),
                           url_part(text), url_part(sort), p, mark, line);
    };
    body += fmt::format(R"(<div class="pager" id="pager">{}<span>{}</span>{}</div>)",
                        page_no > 1 && !rows.empty()
                            ? fmt::format(R"(<a href="{}" id="prev">{}</a>)", link(page_no - 1, "before", rows.front().line_id), t(lang, "page.prev"))
                            : "",
                        say(lang, "page.of", total, page_no),
                        page_no < pages && !rows.empty()
                            ? fmt::format(R"(<a href="{}" id="next">{}</a>)", link(page_no + 1, "after", rows.back().line_id), t(lang, "page.next"))
                            : "");
    html(res, page(v, fmt::format("{} {}", msg(lang, "batch.title"), id), body));
}

}  // namespace patsub::serve::pages

#include "serve/pages/line_page.h"

#include "ledger/people_store.h"
#include "ledger/review_store.h"
#include "ledger/workbench_store.h"
#include "model/clock.h"
#include "serve/line_rows.h"
#include "serve/reasoning_view.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

void line_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const Lang lang = v.lang;
    const std::int64_t id = id_in_path(req, lang);
    ledger::WorkbenchStore store(wb.ledger());
    const auto d = store.line(id);
    if (!d) throw Refusal{404, t(lang, "line.unknown")};
    const auto approval = ledger::ReviewStore(wb.ledger()).approval(d->row.batch_id);
    std::string body = flash(req, lang);
    body += fmt::format(R"(<h1>{} {} · <a href="/batch/{}">{} {}</a></h1>)", t(lang, "line.title"), id,
                        d->row.batch_id, t(lang, "batch.title"), d->row.batch_id);
    body += fmt::format(R"(<dl class="facts" id="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>)"
                        R"(<dt>{}</dt><dd>{} {}</dd><dt>{}</dt><dd><a href="/company/{}">{}</a> {}</dd><dt>{}</dt><dd>{}</dd>)"
                        R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd class="num">{} 元</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>)"
                        R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><code>{}</code></dd></dl>)",
                        t(lang, "col.grant"), esc(d->row.grant_id), t(lang, "line.title_of_patent"), esc(d->title),
                        t(lang, "line.application"), esc(d->application_number), t(lang, "line.type"),
                        has_msg("type." + d->patent_type) ? t(lang, "type." + d->patent_type) : esc(d->patent_type),
                        has_msg("jurisdiction." + d->jurisdiction) ? "· " + t(lang, "jurisdiction." + d->jurisdiction)
                                                                     : esc(d->jurisdiction), t(lang, "col.payee"), url_part(d->row.payee_uscc),
                        esc(d->row.payee_name), esc(d->row.payee_uscc), t(lang, "col.clause"), esc(d->row.clause),
                        t(lang, "col.status"), status_word(lang, d->row.status), t(lang, "col.amount"),
                        yuan(d->row.amount_fen), t(lang, "col.reason"), reason_words(wb.texts, lang, d->row.reason),
                        t(lang, "line.policy"), esc(d->policy_version), t(lang, "line.created"), esc(d->created_at),
                        t(lang, "line.hash"), esc(d->hash));
    body += reasoning_html(v, *d, wb.policy ? &*wb.policy : nullptr);

    body += R"(<div class="actions" id="actions">)";
    if (!d->row.held_by.empty())
        body += fmt::format(R"(<p class="held" id="held">{}</p>)", say(lang, "line.held_by", d->row.held_by, d->row.held_why));
    if (approval) {
        body += fmt::format(R"(<p class="why">{}</p>)", say(lang, "why.approved", approval->by, approval->at));
    } else if (!may(v.person.role, Permission::hold)) {
        body += fmt::format(R"(<p class="why" id="why-no-hold">{}</p>)",
                            say(lang, "why.missing_role", msg(lang, fmt::format("role.{}", role_name(v.person.role)))));
    } else if (!d->row.held_by.empty()) {
        body += fmt::format(R"(<form method="post" action="/line/{}/release">{}<button type="submit" id="release">{}</button></form>)",
                            id, csrf_field(v), t(lang, "line.release"));
    } else if (d->row.status != "payable") {
        body += fmt::format(R"(<p class="why" id="why-no-hold">{}</p>)", t(lang, "why.not_payable"));
    } else {
        body += fmt::format(R"(<form method="post" action="/line/{}/hold">{}<label>{} <input type="text" name="why" id="hold-why" required></label> <button type="submit" id="hold">{}</button></form>)",
                            id, csrf_field(v), t(lang, "line.hold_why"), t(lang, "line.hold"));
    }
    body += "</div>";
    body += fmt::format("<h2>{}</h2><ul id=\"notes\">", t(lang, "line.notes"));
    for (const auto& a : store.annotations(id))
        body += fmt::format("<li>{} · {}：{}</li>", esc(a.by), esc(a.at), esc(a.text));
    body += "</ul>";
    if (may(v.person.role, Permission::annotate))
        body += fmt::format(R"(<form method="post" action="/line/{}/annotate">{}<textarea name="text" id="note-text" rows="2" cols="60" required></textarea> <button type="submit" id="annotate">{}</button></form>)",
                            id, csrf_field(v), t(lang, "line.annotate"));
    html(res, page(v, fmt::format("{} {}", msg(lang, "line.title"), id), body));
}

void hold(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = id_in_path(req, v.lang);
    const std::string why = form_text(req, "why", v.lang);
    wb.act([&](ledger::Ledger& l) {
        ledger::ReviewStore(l).hold(id, v.person.name, why, utc_instant(now()));
        ledger::PeopleStore(l).record_act("workbench_act", fmt::format("held line {}: {}", id, why), actor(v),
                                          utc_instant(now()));
        return std::string("staff_hold");
    });
    res.set_redirect(fmt::format("/line/{}?done=done.hold&n={}", id, id), 303);
}

void release(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = id_in_path(req, v.lang);
    wb.act([&](ledger::Ledger& l) {
        ledger::ReviewStore(l).release(id, v.person.name, utc_instant(now()));
        ledger::PeopleStore(l).record_act("workbench_act", fmt::format("released line {}", id), actor(v),
                                          utc_instant(now()));
        return std::string("staff_hold");
    });
    res.set_redirect(fmt::format("/line/{}?done=done.release&n={}", id, id), 303);
}

void annotate(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = id_in_path(req, v.lang);
    const std::string text = form_text(req, "text", v.lang);
    if (!ledger::WorkbenchStore(wb.ledger()).line(id)) throw Refusal{404, t(v.lang, "line.unknown")};
    wb.act([&](ledger::Ledger& l) {
        ledger::WorkbenchStore(l).annotate(id, actor(v), text, utc_instant(now()));
        return std::string("annotation");
    });
    res.set_redirect(fmt::format("/line/{}?done=done.note", id), 303);
}

}  // namespace patsub::serve::pages

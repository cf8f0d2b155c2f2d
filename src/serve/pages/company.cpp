#include "serve/pages/company.h"

#include "ledger/workbench_store.h"
#include "serve/line_rows.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

void company_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const Lang lang = v.lang;
    const std::string uscc = req.matches[1].str();
    ledger::WorkbenchStore store(wb.ledger());
    const auto c = store.company(uscc);
    if (!c) throw Refusal{404, t(lang, "company.unknown")};
    std::string body = fmt::format(R"(<h1>{} · {}</h1><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>)",
                                   t(lang, "company.title"), esc(c->name), t(lang, "company.credit_code"), esc(c->uscc),
                                   t(lang, "company.aliases"), esc(c->aliases), t(lang, "filter.district"),
                                   esc(c->district.empty() ? "" : wb.texts.district_label(c->district)));
    body += fmt::format(R"(<h2>{}</h2><table id="company-lines"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>)",
                        t(lang, "company.lines"), t(lang, "col.batch"), t(lang, "col.line"), t(lang, "col.grant"),
                        t(lang, "col.payee"), t(lang, "col.clause"), t(lang, "col.status"), t(lang, "col.amount"),
                        t(lang, "col.reason"), t(lang, "col.hold"));
    for (const auto& r : store.company_lines(uscc, 500)) body += line_row(wb.texts, lang, r, true);
    body += "</table>";
    html(res, page(v, msg(lang, "company.title"), body));
}

}  // namespace patsub::serve::pages

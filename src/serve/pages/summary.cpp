#include "serve/pages/summary.h"

#include "export/bar_chart.h"
#include "export/breakdown_html.h"
#include "export/budget_summary.h"
#include "model/clock.h"
#include "model/date.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

void summary_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const Lang lang = v.lang;
    const std::string from_text = req.has_param("from") ? req.get_param_value("from") : "2019-01-01";
    const std::string to_text = req.has_param("to") ? req.get_param_value("to") : to_iso(date_from_iso(utc_instant(now()).substr(0, 10)).value());
    const auto from = date_from_iso(from_text);
    const auto to = date_from_iso(to_text);
    if (!from || !to) throw Refusal{400, t(lang, "summary.bad_dates")};
    const auto s = exports::gather_summary(wb.ledger(), *from, *to);
    auto section = [&](const char* key, const exports::Breakdown& b, const exports::KeyLabel& label) {
        return fmt::format("<h2>{}</h2>{}{}", t(lang, key), exports::svg_bar_chart(msg(lang, key), exports::breakdown_bars(b, label)),
                           exports::breakdown_table(b, msg(lang, key), label));
    };
    const exports::KeyLabel plain = [](const std::string& k) { return k; };
    const exports::KeyLabel district = [&](const std::string& k) { return wb.texts.district_label(k); };
    const exports::KeyLabel status = [&](const std::string& k) { return has_msg("status." + k) ? msg(lang, "status." + k) : k; };
    std::string body = fmt::format(R"(<h1>{}</h1><form class="filters" method="get" action="/summary"><label>{}<input type="text" name="from" value="{}"></label><label>{}<input type="text" name="to" value="{}"></label><button type="submit">{}</button></form>)",
                                   t(lang, "summary.title"), t(lang, "summary.from"), esc(from_text), t(lang, "summary.to"),
                                   esc(to_text), t(lang, "filter.apply"));
    body += section("summary.by_clause", s.by_clause, plain) + section("summary.by_district", s.by_district, district) +
            section("summary.by_month", s.by_month, plain) + section("summary.by_status", s.by_status, status);
    html(res, page(v, msg(lang, "summary.title"), body));
}

}  // namespace patsub::serve::pages

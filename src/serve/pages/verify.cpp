#include "serve/pages/verify.h"

#include "ledger/ledger_audit.h"
#include "ledger/people_store.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <algorithm>

namespace patsub::serve::pages {

void verify_page(WorkbenchContext& wb, const Visit& v, const httplib::Request&, httplib::Response& res) {
    const Lang lang = v.lang;
    ledger::CapRule cap{{}, 0};
    if (wb.policy)
        for (const auto& ver : wb.policy->versions()) {
            for (const auto& c : ver.clauses)
                if (c.counts_toward_cap) cap.clauses.insert(c.id);
            cap.max_jurisdictions = cap.max_jurisdictions == 0 ? ver.cap_jurisdictions
                                                               : std::min(cap.max_jurisdictions, ver.cap_jurisdictions);
        }
    auto r = ledger::audit(wb.ledger(), cap);
    ledger::PeopleStore(wb.ledger()).record_act("verify", fmt::format("ran verify: {} lines, {} breaches", r.lines, r.breaches.size()),
                                                actor(v), utc_instant(now()));
    std::string body = fmt::format("<h1>{}</h1>", t(lang, "verify.title"));
    if (r.breaches.empty()) {
        body += fmt::format(R"(<div class="flash" id="verify-ok">{} ({})</div>)", t(lang, "verify.ok"), r.lines);
    } else {
        body += fmt::format(R"(<div class="error" id="verify-breaches">{}<ul>)", t(lang, "verify.breaches"));
        for (const auto& b : r.breaches) body += "<li>" + esc(b) + "</li>";
        body += "</ul>";
        if (r.breaches.unlisted() > 0)
            body += fmt::format(R"(<p id="verify-unlisted">{}</p>)",
                                say(lang, "verify.unlisted", std::to_string(r.breaches.unlisted()),
                                    std::to_string(ledger::Breaches::kListed)));
        body += "</div>";
    }
    html(res, page(v, msg(lang, "verify.title"), body));
}

}  // namespace patsub::serve::pages

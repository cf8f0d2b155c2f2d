#include "serve/reasoning_view.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace patsub::serve {

namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

}  // namespace

std::string reasoning_html(const Visit& v, const ledger::LineDetail& line, const Policy* policy) {
    std::string out;
    if (policy != nullptr && !line.row.clause.empty()) {
        if (const PolicyVersion* ver = policy->find(line.policy_version)) {
            for (const auto& c : ver->clauses)
                if (c.id == line.row.clause && !c.text.empty())
                    out += fmt::format("<h2>{}</h2><p id=\"clause-text\">第{}条：{}（{}元）</p>", t(v, "line.clause_text"),
                                       esc(c.id), esc(c.text), esc(yuan(c.amount.fen)));
        }
    }
    const auto j = nlohmann::json::parse(line.reasoning, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out += fmt::format("<pre>{}</pre>", esc(line.reasoning));
        return out;
    }
    if (auto fam = j.find("family"); fam != j.end() && fam->is_object()) {
        std::string funded;
        if (auto f = fam->find("funded_jurisdictions"); f != fam->end() && f->is_array())
            for (const auto& x : *f) funded += (funded.empty() ? "" : "、") + (x.is_string() ? x.get<std::string>() : x.dump());
        out += fmt::format("<h2>{}</h2><dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt>"
                           "<dd>{}</dd></dl>",
                           t(v, "line.family"), t(v, "line.family_id"), esc(text_of(*fam, "id")), t(v, "line.funded"),
                           esc(funded.empty() ? "—" : funded), t(v, "line.slots_left"), esc(text_of(*fam, "slots_left")));
    }
    if (auto checks = j.find("checks"); checks != j.end() && checks->is_array()) {
        out += fmt::format("<h2>{}</h2><table id=\"checks\"><tr><th></th><th>{}</th></tr>", t(v, "line.checks"),
                           t(v, "line.evidence_note"));
        for (const auto& c : *checks) {
            const bool holds = c.value("holds", false);
            const std::string name = text_of(c, "check");
            const std::string label = has_msg("check." + name) ? msg(v.lang, "check." + name) : name;
            out += fmt::format("<tr><td class=\"{}\">{}</td><td><strong>{}</strong><br>{}</td></tr>",
                               holds ? "check-holds" : "check-fails", t(v, holds ? "line.check_holds" : "line.check_fails"),
                               esc(label), esc(text_of(c, "detail")));
        }
        out += "</table>";
    }
    return out;
}

}  // namespace patsub::serve

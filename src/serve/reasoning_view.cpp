#include "serve/reasoning_view.h"

#include "ledger/reasoning.h"
#include "model/date.h"

#include <fmt/format.h>

namespace patsub::serve {

namespace {

// A row of a facts list; nothing when the run recorded no value.
std::string fact(const Visit& v, std::string_view key, const std::string& value) {
    if (value.empty()) return "";
    return fmt::format("<dt>{}</dt><dd>{}</dd>", t(v, key), esc(value));
}

std::string joined(const std::vector<std::string>& xs) {
    std::string out;
    for (const auto& x : xs) out += (out.empty() ? "" : "、") + x;
    return out;
}

// The clause as the deciding version words it (not the shipped file's latest): its
// original Chinese text and amount, and the 8.5 cap of that version.
std::string clause_section(const Visit& v, const ledger::Reasoning& r, const Policy& policy) {
    const PolicyVersion* version = policy.find(r.policy_version);
    if (version == nullptr || r.clause.empty()) return "";
    std::string out;
    for (const auto& c : version->clauses)
        if (c.id == r.clause)
            out += fmt::format(R"(<h2>{}</h2><p id="clause-text">第{}条：{}（{}元）</p>)", t(v, "line.clause_text"),
                               esc(c.id), esc(c.text), esc(yuan(c.amount.fen)));
    const GrantCap cap = cap_of(*version);
    if (r.family && cap.max_jurisdictions > 0 && cap.counting.count(r.clause))
        out += fmt::format(R"(<p id="cap-text">{}</p>)",
                           esc(fmt::format(fmt::runtime(msg(v.lang, "line.cap")), cap.clause, cap.max_jurisdictions,
                                           version->id)));
    return out;
}

std::string grant_section(const Visit& v, const ledger::ReasonedGrant& g) {
    std::string out = fmt::format(R"(<h2>{}</h2><dl class="facts" id="grant-facts">)", t(v, "line.document"));
    out += fact(v, "line.grant_id", g.id);
    out += fact(v, "line.title_of_patent", g.title);
    out += fact(v, "line.grant_date", g.date);
    out += fact(v, "line.application", g.application_number);
    out += fact(v, "line.declared_type", g.declared_type);
    out += fact(v, "line.kind_note", g.kind_note);
    if (!g.source.file.empty())
        out += fact(v, "line.source",
                    fmt::format("{}（第{}篇，第{}行）", g.source.file, g.source.document, g.source.line));
    for (const auto& p : g.patentees) {
        std::string where = p.address;
        for (const auto* part : {&p.city, &p.country})
            if (!part->empty()) where += (where.empty() ? "" : "，") + *part;
        out += fact(v, "line.patentee", where.empty() ? p.name : p.name + "（" + where + "）");
    }
    for (const auto& pr : g.priorities)
        out += fact(v, "line.priority",
                    fmt::format("{} {}{}", pr.country, pr.number, pr.date ? " " + to_iso(*pr.date) : std::string()));
    out += fact(v, "line.pct", g.pct_application);
    return out + "</dl>";
}

std::string recognition_section(const Visit& v, const Recognition& r) {
    std::string out = fmt::format(R"(<h2>{}</h2><dl class="facts" id="recognition-facts">)", t(v, "line.recognition"));
    out += fact(v, "line.company", r.name + "（" + r.uscc + "）");
    const std::string level = "recognition." + r.recognition;
    out += fact(v, "line.recognition_level", has_msg(level) ? msg(v.lang, level) : r.recognition);
    if (r.year != 0) out += fact(v, "line.recognition_year", std::to_string(r.year));
    out += fact(v, "line.source", r.source);
    return out + "</dl>";
}

std::string family_section(const Visit& v, const CapStanding& f) {
    return fmt::format(R"(<h2>{}</h2><dl class="facts" id="family">)", t(v, "line.family")) +
           fact(v, "line.family_id", f.family) + fact(v, "line.members", joined(f.members)) +
           fmt::format("<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>", t(v, "line.funded"),
                       esc(f.funded.empty() ? "—" : joined(f.funded)), t(v, "line.slots_left"), f.slots_left);
}

std::string checks_section(const Visit& v, const std::vector<Check>& checks) {
    std::string out = fmt::format(R"(<h2>{}</h2><table id="checks"><tr><th></th><th>{}</th></tr>)", t(v, "line.checks"),
                                  t(v, "line.evidence_note"));
    for (const auto& c : checks) {
        const std::string key = "check." + c.what;
        out += fmt::format(R"(<tr><td class="{}">{}</td><td><strong>{}</strong><br>{}</td></tr>)",
                           c.holds ? "check-holds" : "check-fails", t(v, c.holds ? "line.check_holds" : "line.check_fails"),
                           esc(has_msg(key) ? msg(v.lang, key) : c.what), esc(c.detail));
    }
    return out + "</table>";
}

}  // namespace

std::string reasoning_html(const Visit& v, const ledger::LineDetail& line, const Policy* policy) {
    // Read through the ledger's one schema of the reasoning (ledger/reasoning.h); a text
    // that is not it (a damaged line, which verify reports) is shown as it is.
    const auto r = ledger::reasoning_from_json(line.reasoning);
    if (!r) return fmt::format(R"(<p class="problem">{}</p><pre>{}</pre>)", t(v, "line.unreadable"), esc(line.reasoning));
    std::string out;
    if (policy != nullptr) out += clause_section(v, *r, *policy);
    if (r->grant) out += grant_section(v, *r->grant);
    if (r->recognition) out += recognition_section(v, *r->recognition);
    if (r->family) out += family_section(v, *r->family);
    if (!r->checks.empty()) out += checks_section(v, r->checks);
    return out;
}

}  // namespace patsub::serve

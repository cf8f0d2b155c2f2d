#include "serve/earnings_page.h"

#include "classify/classification.h"

#include <fmt/format.h>

namespace patsub::serve {

namespace {


std::string word(Lang lang, const std::string& key, const std::string& fallback) {
    return has_msg(key) ? t(lang, key) : esc(fallback);
}

std::string reason_words(Lang lang, const exports::ReviewTexts& texts, const std::string& code) {
    if (code.empty()) return "";
    const auto* w = texts.reasons.find(code);
    return esc(w ? (lang == Lang::zh ? w->zh : w->en) : code);
}

std::string answer_row(Lang lang, const EarningsReading::Row& r, const exports::ReviewTexts& texts) {
    const Grant& g = r.grant;
    const std::string type = std::string(to_string(r.classification.type));
    const std::string jurisdiction = std::string(to_string(r.classification.jurisdiction));
    std::string outcome, amount, reason;
    if (!r.earns.in_scope) {
        outcome = t(lang, "earn.out_of_scope");
    } else {
        outcome = word(lang, "status." + r.earns.status, r.earns.status);
        amount = r.earns.status == "payable" ? to_yuan(r.earns.amount) : "";
        reason = reason_words(lang, texts, r.earns.reason);
    }
    return fmt::format(R"(<tr class="{}"><td>{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td></tr>)",
                       r.earns.in_scope ? esc(r.earns.status) : "out-of-scope", g.source.document, g.source.line,
                       esc(grant_id(g)), g.date ? to_iso(*g.date) : "", word(lang, "type." + type, type),
                       word(lang, "jurisdiction." + jurisdiction, jurisdiction),
                       esc(g.patentees.empty() ? std::string() : g.patentees.front().name),
                       esc(r.earns.in_scope ? r.earns.clause : ""), outcome, amount, reason);
}

}  // namespace

std::string shown_upload_name(std::string_view filename) {
    // Browsers send the bare name; a hand-made request may send a path (either slash).
    const auto slash = filename.find_last_of("/\\");
    if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
    std::string out;
    std::size_t characters = 0;
    for (const char c : filename) {
        const auto ch = static_cast<unsigned char>(c);
        if (ch < 0x20 || ch == 0x7f) continue;
        if ((ch & 0xc0) != 0x80 && ++characters > 120) break;  // count UTF-8 lead bytes, not bytes
        out += c;
    }
    // Never end inside a multi-byte character.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xc0) == 0x80) {
        std::size_t lead = out.size() - 1;
        while (lead > 0 && (static_cast<unsigned char>(out[lead]) & 0xc0) == 0x80) --lead;
        const auto b = static_cast<unsigned char>(out[lead]);
        const std::size_t need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (out.size() - lead == need) break;
        out.resize(lead);
    }
    return out.empty() ? "upload" : out;
}

std::string earnings_form(const Visit& v, const EarningsBasis& basis) {
    const Lang lang = v.lang;
    const std::string registry = basis.registry.empty()
                                     ? t(lang, "earn.no_registry")
                                     : say(lang, "earn.registry", basis.registry, basis.payees);
    // The CSRF field comes before the file: the server reads the form as it arrives and
    // refuses the file of a form that did not carry the session's token first.
    return fmt::format(R"(<h1>{}</h1><p class="basis" id="earn-basis">{}</p><p>{}</p>)"
                       R"(<form class="upload" method="post" action="/check" enctype="multipart/form-data">{})"
                       R"(<label>{}<input type="file" name="file" id="earn-file" accept=".xml,.gz,.zip,application/xml,application/zip,application/gzip" required></label>)"
                       R"(<button type="submit" id="earn-submit">{}</button></form><p class="note">{}</p>)",
                       t(lang, "earn.title"), say(lang, "earn.basis", basis.policy_version, to_iso(basis.as_of)) + registry,
                       t(lang, "earn.not_a_decision"), csrf_field(v), t(lang, "earn.file"), t(lang, "earn.submit"),
                       say(lang, "earn.limit", kUploadLimit / (1024 * 1024)));
}

std::string earnings_answer(const Visit& v, const EarningsBasis& basis, const std::string& shown,
                            const EarningsReading& reading, const exports::ReviewTexts& texts) {
    const Lang lang = v.lang;
    std::string body = earnings_form(v, basis);
    body += fmt::format(R"(<h2 id="earn-file-name">{}</h2><p id="earn-summary">{}</p>)", esc(shown),
                        say(lang, "earn.summary", reading.documents(), reading.in_scope(), reading.payable(),
                            to_yuan(reading.payable_total())));
    if (reading.refused() > 0) {
        body += fmt::format(R"(<div class="error" id="earn-refused">{}<ul>)", say(lang, "earn.refused", reading.refused()));
        for (const auto& p : reading.problems())
            body += "<li>" + say(lang, "earn.problem", p.document_index, p.line, p.column, p.cause) + "</li>";
        body += "</ul></div>";
    }
    if (reading.skipped() > 0) body += "<p>" + say(lang, "earn.skipped", reading.skipped()) + "</p>";
    if (!reading.rows().empty()) {
        body += fmt::format(R"(<table class="lines" id="earn-rows"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>)",
                            t(lang, "col.source"), t(lang, "col.grant"), t(lang, "col.date"), t(lang, "col.type"),
                            t(lang, "col.jurisdiction"), t(lang, "col.patentee"), t(lang, "col.clause"),
                            t(lang, "col.status"), t(lang, "col.amount"), t(lang, "col.reason"));
        for (const auto& r : reading.rows()) body += answer_row(lang, r, texts);
        body += "</tbody></table>";
    }
    const std::size_t listed = reading.documents() - reading.refused() - reading.skipped();
    if (listed > reading.rows().size())
        body += "<p>" + say(lang, "earn.more_rows", reading.rows().size(), listed) + "</p>";
    return body;
}

}  // namespace patsub::serve

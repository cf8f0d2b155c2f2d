#include "serve/line_rows.h"

#include "serve/page_frame.h"

#include <fmt/format.h>

namespace patsub::serve {

std::string status_word(Lang lang, const std::string& status) {
    const std::string key = "status." + status;
    return has_msg(key) ? esc(msg(lang, key)) : esc(status);
}

std::string reason_words(const exports::ReviewTexts& texts, Lang lang, const std::string& code) {
    if (code.empty()) return "";
    const auto* w = texts.reasons.find(code);
    return esc(w ? (lang == Lang::zh ? w->zh : w->en) : code);
}

std::string line_row(const exports::ReviewTexts& texts, Lang lang, const ledger::LineRow& r, bool with_batch) {
    return fmt::format(R"(<tr>{}<td><a href="/line/{}">{}</a></td><td>{}</td><td><a href="/company/{}">{}</a></td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td><td class="held">{}</td></tr>)",
                       with_batch ? fmt::format(R"(<td><a href="/batch/{0}">{0}</a></td>)", r.batch_id) : "",
                       r.line_id, r.line_id, esc(r.grant_id), url_part(r.payee_uscc), esc(r.payee_name), esc(r.clause),
                       status_word(lang, r.status), yuan(r.amount_fen), reason_words(texts, lang, r.reason),
                       r.held_by.empty() ? "" : esc(r.held_by + ": " + r.held_why));
}

}  // namespace patsub::serve

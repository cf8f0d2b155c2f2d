#include "serve/page_frame.h"

#include "export/html_text.h"
#include "model/money.h"
#include "serve/access.h"

#include <fmt/format.h>

namespace patsub::serve {

std::string t(const Visit& v, std::string_view key) { return esc(msg(v.lang, key)); }
std::string t(Lang lang, std::string_view key) { return esc(msg(lang, key)); }
std::string esc(std::string_view s) { return exports::html_escape(s); }

std::string url_part(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

std::string csrf_field(const Visit& v) {
    return fmt::format(R"(<input type="hidden" name="csrf" value="{}">)", esc(v.session.csrf));
}

std::string yuan(std::int64_t fen) { return to_yuan(Money{fen}); }

namespace {

std::string head(Lang lang, std::string_view title) {
    return fmt::format(R"(<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{} · {}</title><link rel="stylesheet" href="/static/workbench.css"><script src="/static/workbench.js" defer></script>
</head><body>
)",
                       lang == Lang::zh ? "zh-CN" : "en", esc(title), t(lang, "app.title"));
}

}  // namespace

std::string page(const Visit& v, std::string_view title, const std::string& body) {
    std::string nav;
    const Role r = v.person.role;
    if (may(r, Permission::read)) {
        nav += fmt::format(R"(<a href="/">{}</a>)", t(v, "nav.batches"));
        nav += fmt::format(R"(<a href="/summary">{}</a>)", t(v, "nav.summary"));
        nav += fmt::format(R"(<a href="/check">{}</a>)", t(v, "nav.check"));
    }
    if (may(r, Permission::verify)) nav += fmt::format(R"(<a href="/verify">{}</a>)", t(v, "nav.verify"));
    if (may(r, Permission::manage_users)) nav += fmt::format(R"(<a href="/users">{}</a>)", t(v, "nav.users"));
    const std::string other = v.lang == Lang::zh ? "en" : "zh";
    nav += fmt::format(R"(<a href="/lang?to={}&amp;back={}" id="lang-toggle">{}</a>)", other, url_part(v.path),
                       t(v, "lang.toggle"));
    return head(v.lang, title) +
           fmt::format(R"(<header><strong>{}</strong>{}<span class="who">{} · {}</span>)"
                       R"(<form method="post" action="/logout">{}<button type="submit" id="logout">{}</button></form></header>)"
                       "\n<main>\n",
                       t(v, "app.title"), nav, esc(v.person.name),
                       t(v, fmt::format("role.{}", role_name(v.person.role))), csrf_field(v), t(v, "nav.logout")) +
           body + "\n</main></body></html>\n";
}

std::string bare_page(Lang lang, std::string_view title, const std::string& body) {
    return head(lang, title) + fmt::format("<header><strong>{}</strong></header>\n<main>\n", t(lang, "app.title")) +
           body + "\n</main></body></html>\n";
}

}  // namespace patsub::serve

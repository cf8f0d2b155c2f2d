// PageFrame: the frame every workbench page shares — head with the /static/ assets (no
// inline style or script: the CSP forbids them), the navigation a role may use, the
// language toggle, and the escaping every value from an input file goes through.
#pragma once

#include "ledger/people_store.h"
#include "serve/messages.h"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace patsub::serve {

// Who is looking, in which language, from where.
struct Visit {
    ledger::Person person;
    ledger::Session session;
    Lang lang = Lang::zh;
    std::string address;
    bool https = false;
    std::string path;  // the page asked for, for the language toggle
};

// HTML-escaped message text.
std::string t(const Visit& v, std::string_view key);
std::string t(Lang lang, std::string_view key);
// Escaped text for any value.
std::string esc(std::string_view s);
// A message with its {} filled, escaped.
template <class... Args>
std::string say(Lang lang, std::string_view key, Args&&... args) {
    return esc(fmt::format(fmt::runtime(msg(lang, key)), std::forward<Args>(args)...));
}
// Escaped for a URL's query value.
std::string url_part(std::string_view s);
// The hidden CSRF field every form carries.
std::string csrf_field(const Visit& v);

std::string page(const Visit& v, std::string_view title, const std::string& body);
// A page for a person not logged in (login, errors before a session).
std::string bare_page(Lang lang, std::string_view title, const std::string& body);

// Yuan with two decimals from fen ("1,234.50" is not used: treasury staff read 1234.50).
std::string yuan(std::int64_t fen);

}  // namespace patsub::serve

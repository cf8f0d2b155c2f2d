#include "serve/pages/login.h"

#include "ledger/people_store.h"
#include "model/clock.h"
#include "model/sha256.h"
#include "serve/password.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

namespace {

std::string login_form(Lang lang, const std::string& error) {
    return bare_page(lang, msg(lang, "login.title"),
                     fmt::format(R"(<form class="login" method="post" action="/login">{}<h1>{}</h1>)"
                                 R"(<label>{}<input type="text" name="name" id="name" autocomplete="username" required></label>)"
                                 R"(<label>{}<input type="password" name="password" id="password" autocomplete="current-password" required></label>)"
                                 R"(<button type="submit" id="login">{}</button> <a href="/lang?to={}&amp;back=%2Flogin">{}</a></form>)",
                                 error.empty() ? "" : fmt::format(R"(<div class="error" id="error">{}</div>)", error),
                                 t(lang, "login.title"), t(lang, "login.name"), t(lang, "login.password"),
                                 t(lang, "login.submit"), lang == Lang::zh ? "en" : "zh", t(lang, "lang.toggle")));
}

void login(WorkbenchContext& wb, const httplib::Request& req, httplib::Response& res) {
    const Lang lang = lang_of(req);
    const std::string name = req.get_param_value("name");
    const std::string password = req.get_param_value("password");
    const std::string address = wb.client_address(req);
    ledger::PeopleStore people(wb.ledger());
    const auto t_now = now();
    auto p = people.find(name);
    auto fail = [&](const char* why, const char* key) {
        auto locked = people.record_failure(name, why, address, t_now);
        html(res, login_form(lang, t(lang, locked ? "login.locked" : key)), 401);
    };
    if (!p) return fail("unknown user", "login.failed");
    if (p->disabled) return fail("account disabled", "login.disabled");
    if (!p->locked_until.empty() && p->locked_until > utc_instant(t_now)) {
        people.record_failure(name, "account locked", address, t_now);
        return html(res, login_form(lang, t(lang, "login.locked")), 401);
    }
    if (!password_matches(password, p->password_hash)) return fail("wrong password", "login.failed");
    const std::string token = random_token();
    ledger::Session s{sha256_hex(token), p->user_id, random_token(), address, "", "", ""};
    people.record_login(*p, s, utc_instant(t_now));
    res.set_header("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                                             wb.behind_tls(req) ? "; Secure" : ""));
    res.set_redirect(p->role == Role::admin ? "/users" : "/", 303);
}

}  // namespace

void login_page(const httplib::Request& req, httplib::Response& res) { html(res, login_form(lang_of(req), "")); }

void log_in(WorkbenchContext& wb, const httplib::Request& req, httplib::Response& res) {
    try {
        const RequestLedger request_ledger(wb.options.db);
        login(wb, req, res);
    } catch (const std::exception& e) {
        refuse(res, lang_of(req), nullptr, {500, esc(e.what())});
    }
}

void log_out(WorkbenchContext& wb, const Visit& v, const httplib::Request&, httplib::Response& res) {
    ledger::PeopleStore(wb.ledger()).end_session(v.session.token_sha256, actor(v), utc_instant(now()));
    res.set_header("Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kSessionCookie));
    res.set_redirect("/login", 303);
}

}  // namespace patsub::serve::pages

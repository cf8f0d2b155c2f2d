#include "serve/pages/users.h"

#include "ledger/people_store.h"
#include "serve/password.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

void users_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const Lang lang = v.lang;
    std::string rows;
    for (const auto& p : ledger::PeopleStore(wb.ledger()).all())
        rows += fmt::format(R"(<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)", esc(p.name),
                            t(lang, fmt::format("role.{}", role_name(p.role))),
                            t(lang, p.disabled ? "users.disabled" : "users.active"),
                            p.disabled ? "" : fmt::format(R"(<form method="post" action="/users/disable">{}<input type="hidden" name="name" value="{}"><button type="submit">{}</button></form>)",
                                                          csrf_field(v), esc(p.name), t(lang, "users.disable")));
    std::string roles;
    for (Role r : {Role::reviewer, Role::approver, Role::auditor, Role::admin})
        roles += fmt::format(R"(<option value="{}">{}</option>)", role_name(r), t(lang, fmt::format("role.{}", role_name(r))));
    html(res, page(v, msg(lang, "users.title"),
                   fmt::format(R"({}<h1>{}</h1><table id="users"><tr><th>{}</th><th>{}</th><th></th><th></th></tr>{}</table>)"
                               R"(<h2>{}</h2><form class="filters" method="post" action="/users">{}<label>{}<input type="text" name="name" required></label>)"
                               R"(<label>{}<select name="role">{}</select></label><label>{}<input type="password" name="password" required></label><button type="submit">{}</button></form>)",
                               flash(req, lang), t(lang, "users.title"), t(lang, "users.name"), t(lang, "users.role"),
                               rows, t(lang, "users.add"), csrf_field(v), t(lang, "users.name"), t(lang, "users.role"),
                               roles, t(lang, "users.password"), t(lang, "users.add"))));
}

void add_user(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::string name = form_text(req, "name", v.lang);
    const auto role = role_from_name(form_text(req, "role", v.lang));
    const std::string password = form_text(req, "password", v.lang);
    if (!role || *role == Role::script) throw Refusal{400, say(v.lang, "err.bad_form", "role")};
    if (password.size() < 10) throw Refusal{400, say(v.lang, "err.bad_form", "password")};
    try {
        ledger::PeopleStore(wb.ledger()).add(name, *role, hash_password(password), actor(v));
    } catch (const ledger::PeopleRefused& e) {
        throw Refusal{409, say(v.lang, "err.refused", e.what())};
    }
    res.set_redirect("/users?done=done.user", 303);
}

void disable_user(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::string name = form_text(req, "name", v.lang);
    try {
        ledger::PeopleStore(wb.ledger()).disable(name, actor(v));
    } catch (const ledger::PeopleRefused& e) {
        throw Refusal{409, say(v.lang, "err.refused", e.what())};
    }
    res.set_redirect("/users?done=done.user", 303);
}

}  // namespace patsub::serve::pages

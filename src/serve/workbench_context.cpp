#include "serve/workbench_context.h"

#include "batch/run_lock.h"
#include "ledger/anchor_guard.h"
#include "ledger/event_chain.h"
#include "ledger/people_store.h"
#include "ledger/review_store.h"
#include "model/clock.h"
#include "model/sha256.h"
#include "serve/password.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <stdexcept>

namespace patsub::serve {

namespace {

thread_local ledger::Ledger* request_ledger = nullptr;

// The time the server spent on a request, from before its ledger was opened to its page
// written, as a `Server-Timing` header (issue 13 point 6: what bench/serve_bench.sh reads,
// so that the figures are the server's and not the client's or the network's).
class ServerTiming {
  public:
    explicit ServerTiming(httplib::Response& res) : res_(res), start_(std::chrono::steady_clock::now()) {}
    ~ServerTiming() {
        const std::chrono::duration<double, std::milli> spent = std::chrono::steady_clock::now() - start_;
        res_.set_header("Server-Timing", fmt::format("app;dur={:.1f}", spent.count()));
    }
    ServerTiming(const ServerTiming&) = delete;
    ServerTiming& operator=(const ServerTiming&) = delete;

  private:
    httplib::Response& res_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace

RequestLedger::RequestLedger(const std::filesystem::path& db) : ledger_(db, ledger::Ledger::Access::read_write) {
    ledger::use_small_cache(ledger_);
    request_ledger = &ledger_;
}

RequestLedger::~RequestLedger() { request_ledger = nullptr; }

ledger::Ledger& RequestLedger::current() {
    if (request_ledger == nullptr) throw std::logic_error("workbench: a handler ran outside its request's ledger");
    return *request_ledger;
}

WorkbenchContext::WorkbenchContext(ServeOptions o) : options(std::move(o)) {
    texts = exports::ReviewTexts::load(options.schemas_dir);
    if (!options.policy_file.empty()) {
        policy = Policy::load(options.policy_file, options.schemas_dir / "policy.xsd");
        kinds = KindTable::load(options.schemas_dir / "kind-codes.csv");
    }
    // No ledger when only listing the routes (`serve --list-routes`).
    if (!options.db.empty())
        anchor_fallback = std::filesystem::absolute(options.db).lexically_normal().parent_path() / "anchors.log";
}

std::string WorkbenchContext::client_address(const httplib::Request& req) const {
    if (!options.trusted_proxy.empty() && req.remote_addr == options.trusted_proxy) {
        std::string fwd = req.get_header_value("X-Forwarded-For");
        if (!fwd.empty()) {
            auto comma = fwd.rfind(',');
            std::string last = comma == std::string::npos ? fwd : fwd.substr(comma + 1);
            last.erase(0, last.find_first_not_of(' '));
            if (!last.empty()) return last;
        }
    }
    return req.remote_addr;
}

bool WorkbenchContext::behind_tls(const httplib::Request& req) const {
    return !options.trusted_proxy.empty() && req.remote_addr == options.trusted_proxy &&
           req.get_header_value("X-Forwarded-Proto") == "https";
}

std::optional<Visit> WorkbenchContext::visit(const httplib::Request& req) {
    const std::string token = cookie(req, kSessionCookie);
    if (token.size() != 64) return std::nullopt;
    ledger::PeopleStore people(ledger());
    auto s = people.session(sha256_hex(token));
    if (!s || !s->ended_at.empty()) return std::nullopt;
    const auto t = now();
    if (s->last_seen < utc_instant(t - ledger::kSessionIdle)) return std::nullopt;
    auto p = people.find(s->user_id);
    if (!p || p->disabled) return std::nullopt;
    if (s->last_seen < utc_instant(t - std::chrono::minutes(1))) people.touch(s->token_sha256, utc_instant(t));
    return Visit{*p, *s, lang_of(req), client_address(req), behind_tls(req), req.path};
}

void WorkbenchContext::answer(const httplib::Request& req, httplib::Response& res, std::optional<Permission> p,
                              bool csrf_in_form, const std::function<void(const Visit&)>& h) {
    const Lang lang = lang_of(req);
    const ServerTiming timing(res);
    std::optional<Visit> v;
    bool changed = false;
    const auto refused = [&](const Refusal& r) { refuse(res, lang, v ? &*v : nullptr, r, changed); };
    try {
        const RequestLedger request_ledger(options.db);
        v = visit(req);
        if (!v) {
            if (req.method == "GET") res.set_redirect("/login", 303);
            else refuse(res, lang, nullptr, {401, t(lang, "err.login_needed")});
            return;
        }
        if (req.method == "POST" && csrf_in_form && !same_secret(req.get_param_value("csrf"), v->session.csrf))
            return refuse(res, lang, &*v, {403, t(lang, "err.csrf")});
        if (p && !may(v->person.role, *p)) return refuse(res, lang, &*v, {403, t(lang, "err.forbidden")});
        // Every action a person takes is a chain event: when the chain moved before the
        // handler failed, something was committed (the rest of a failed transaction was
        // rolled back as the exception left it).
        const std::int64_t chain_before = ledger().chain().head().seq;
        try {
            h(*v);
        } catch (...) {
            try {
                changed = ledger().chain().head().seq != chain_before;
            } catch (...) {
                changed = true;  // the ledger cannot be read: nothing can be promised
            }
            throw;
        }
    } catch (const Refusal& r) {
        refused(r);
    } catch (const ledger::ReviewRefused& e) {
        refused({409, say(lang, "err.refused", e.what())});
    } catch (const batch::LockHeld&) {
        refused({503, t(lang, "err.busy")});
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) refused({503, t(lang, "err.busy")});
        else refused({500, esc(e.what())});
    } catch (const std::exception& e) {
        refused({500, esc(e.what())});
    }
}

httplib::Server::Handler WorkbenchContext::guarded(std::optional<Permission> p, PageHandler h) {
    return [this, p, h](const httplib::Request& req, httplib::Response& res) {
        answer(req, res, p, true, [&](const Visit& v) { h(v, req, res); });
    };
}

httplib::Server::HandlerWithContentReader WorkbenchContext::guarded_upload(Permission p, UploadHandler h) {
    return [this, p, h](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        answer(req, res, p, false, [&](const Visit& v) { h(v, req, res, reader); });
        // A refusal may leave the body unread: the connection cannot carry another request.
        if (res.status >= 400) res.set_header("Connection", "close");
    };
}

void WorkbenchContext::act(const std::function<std::string(ledger::Ledger&)>& f) {
    const batch::RunLock lock(options.db);
    ledger::Ledger& l = ledger();
    ledger::AnchoredWrite anchored(l, options.anchors, anchor_fallback);
    const std::string kind = f(l);
    anchored.anchor(kind);
}

std::optional<std::int64_t> to_int(std::string_view s) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

std::string cookie(const httplib::Request& req, std::string_view name) {
    const std::string header = req.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        std::string_view part(header.data() + pos, end - pos);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        pos = end + 1;
    }
    return "";
}

Lang lang_of(const httplib::Request& req) { return cookie(req, kLangCookie) == "en" ? Lang::en : Lang::zh; }

Actor actor(const Visit& v) { return Actor{v.person.name, v.person.role, Door::workbench, v.address}; }

void html(httplib::Response& res, const std::string& body, int status) {
    res.status = status;
    res.set_content(body, "text/html; charset=utf-8");
}

void refuse(httplib::Response& res, Lang lang, const Visit* v, const Refusal& r, bool ledger_changed) {
    const std::string body =
        fmt::format(R"(<h1>{}</h1><div class="error" id="error">{}<br>{}</div><p><a href="/">{}</a></p>)",
                    t(lang, "err.title"), r.html, t(lang, ledger_changed ? "err.changed_before" : "err.nothing_changed"),
                    t(lang, "nav.batches"));
    html(res, v ? page(*v, msg(lang, "err.title"), body) : bare_page(lang, msg(lang, "err.title"), body), r.status);
}

std::int64_t id_in_path(const httplib::Request& req, Lang lang) {
    auto id = to_int(req.matches[1].str());
    if (!id) throw Refusal{404, t(lang, "err.not_found")};
    return *id;
}

std::string form_text(const httplib::Request& req, const char* name, Lang lang, bool required) {
    if (!req.has_param(name)) {
        if (!required) return "";
        throw Refusal{400, say(lang, "err.bad_form", name)};
    }
    std::string v = req.get_param_value(name);
    if (required && v.find_first_not_of(" \t\r\n") == std::string::npos) throw Refusal{400, say(lang, "err.bad_form", name)};
    if (v.size() > 4000) throw Refusal{400, say(lang, "err.bad_form", name)};
    return v;
}

std::string flash(const httplib::Request& req, Lang lang) {
    const std::string key = req.get_param_value("done");
    if (key.rfind("done.", 0) != 0 || !has_msg(key)) return "";
    return fmt::format(R"(<div class="flash" id="flash">{}</div>)", say(lang, key, req.get_param_value("n")));
}

}  // namespace patsub::serve

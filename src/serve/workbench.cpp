#include "serve/workbench.h"

#include "batch/run_lock.h"
#include "export/bar_chart.h"
#include "export/breakdown_html.h"
#include "export/budget_summary.h"
#include "export/approval_sheet.h"
#include "export/lines_workbook.h"
#include "export/output_file.h"
#include "export/review_texts.h"
#include "export/treasury_handoff.h"
#include "ledger/anchor_guard.h"
#include "ledger/chain_audit.h"
#include "ledger/ledger.h"
#include "ledger/ledger_audit.h"
#include "ledger/notice_store.h"
#include "ledger/payee_store.h"
#include "ledger/people_store.h"
#include "ledger/review_store.h"
#include "ledger/workbench_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "notice/approval_gate.h"
#include "notice/public_notice.h"
#include "model/date.h"
#include "model/sha256.h"
#include "policy/policy.h"
#include "serve/access.h"
#include "serve/assets.h"
#include "serve/earnings_page.h"
#include "serve/line_search.h"
#include "serve/page_frame.h"
#include "serve/password.h"
#include "serve/reasoning_view.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <httplib.h>
#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>

namespace patsub::serve {

namespace {

constexpr const char* kSessionCookie = "patsub_session";
constexpr const char* kLangCookie = "patsub_lang";
constexpr std::int64_t kPageSize = 50;

// A request the workbench answers with a message instead of a page: the status and the
// message, already escaped. Nothing was written.
struct Refusal {
    int status;
    std::string html;
};

// A private folder for a file written for one response, removed with everything in it.
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "patsub-serve-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a scratch folder under " + pattern);
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// A file written for one response and sent from disk while the response goes out; its
// folder goes when the response is done with it.
struct SentFile {
    std::optional<ScratchDir> scratch;  // a file written for the request alone
    std::ifstream in;
};

// What a download is, in the staff's words.
std::string_view download_label(std::string_view name) {
    if (name.starts_with("lines-")) return "download.lines";
    if (name.starts_with("approval-sheet-")) return "download.approval_sheet";
    if (name.ends_with(".sha256")) return "download.sha256";
    if (name.starts_with("notice-")) return name.ends_with(".html") ? "download.notice_html" : "download.notice_csv";
    return name.ends_with(".xlsx") ? "download.treasury_xlsx" : "download.treasury_csv";
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

std::string status_word(Lang lang, const std::string& status) {
    const std::string key = "status." + status;
    return has_msg(key) ? esc(msg(lang, key)) : esc(status);
}


}  // namespace

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

struct Workbench::Impl {
    ServeOptions o;
    httplib::Server server;
    exports::ReviewTexts texts;
    std::optional<Policy> policy;
    std::optional<KindTable> kinds;  // with the policy: the check page classifies as the nightly does
    std::filesystem::path anchor_fallback;
    std::mutex workbook_writer;  // one lines workbook written at a time (download)

    explicit Impl(ServeOptions options) : o(std::move(options)) {
        texts = exports::ReviewTexts::load(o.schemas_dir);
        if (!o.policy_file.empty()) {
            policy = Policy::load(o.policy_file, o.schemas_dir / "policy.xsd");
            kinds = KindTable::load(o.schemas_dir / "kind-codes.csv");
        }
        // No ledger when only listing the routes (`serve --list-routes`).
        if (!o.db.empty()) anchor_fallback = std::filesystem::absolute(o.db).lexically_normal().parent_path() / "anchors.log";
        routes();
    }

    // One connection per request, closed when the request is answered: a long-lived
    // connection kept a stale read snapshot (and uncommitted autocommit writes) after some
    // requests, so that other processes never saw the workbench's events. Opening costs
    // about a millisecond; its page cache is kept small so that twenty concurrent requests
    // stay far inside the 100 MB bound (point 6).
    struct RequestLedger {
        explicit RequestLedger(const std::filesystem::path& db) : ledger(db, ledger::Ledger::Access::read_write) {
            ledger::use_small_cache(ledger);
            current() = &ledger;
        }
        ~RequestLedger() { current() = nullptr; }
        RequestLedger(const RequestLedger&) = delete;
        RequestLedger& operator=(const RequestLedger&) = delete;
        static ledger::Ledger*& current() {
            thread_local ledger::Ledger* l = nullptr;
            return l;
        }
        ledger::Ledger ledger;
    };

    ledger::Ledger& ledger() {
        ledger::Ledger* l = RequestLedger::current();
        if (l == nullptr) throw std::logic_error("workbench: a handler ran outside its request's ledger");
        return *l;
    }

    std::string client_address(const httplib::Request& req) const {
        if (!o.trusted_proxy.empty() && req.remote_addr == o.trusted_proxy) {
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

    bool behind_tls(const httplib::Request& req) const {
        return !o.trusted_proxy.empty() && req.remote_addr == o.trusted_proxy &&
               req.get_header_value("X-Forwarded-Proto") == "https";
    }

    // The person behind the request's session cookie, when the session is open and fresh
    // and the account usable.
    std::optional<Visit> visit(const httplib::Request& req) {
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

    Actor actor(const Visit& v) const { return Actor{v.person.name, v.person.role, Door::workbench, v.address}; }

    void html(httplib::Response& res, const std::string& body, int status = 200) {
        res.status = status;
        res.set_content(body, "text/html; charset=utf-8");
    }

    void refuse(httplib::Response& res, Lang lang, const Visit* v, const Refusal& r) {
        const std::string body =
            fmt::format(R"(<h1>{}</h1><div class="error" id="error">{}<br>{}</div><p><a href="/">{}</a></p>)",
                        t(lang, "err.title"), r.html, t(lang, "err.nothing_changed"), t(lang, "nav.batches"));
        html(res, v ? page(*v, msg(lang, "err.title"), body) : bare_page(lang, msg(lang, "err.title"), body), r.status);
    }

    using Handler = std::function<void(const Visit&, const httplib::Request&, httplib::Response&)>;
    using UploadHandler =
        std::function<void(const Visit&, const httplib::Request&, httplib::Response&, const httplib::ContentReader&)>;

    // Every route but login and the assets: a session, the role's permission, and on a POST
    // the session's CSRF token (`csrf_in_form`: an upload carries it in its multipart body,
    // which the handler checks as it reads); then the handler, whose refusals change nothing.
    void answer(const httplib::Request& req, httplib::Response& res, std::optional<Permission> p, bool csrf_in_form,
                const std::function<void(const Visit&)>& h) {
        const Lang lang = lang_of(req);
        const ServerTiming timing(res);
        std::optional<Visit> v;
        try {
            const RequestLedger request_ledger(o.db);
            v = visit(req);
            if (!v) {
                if (req.method == "GET") res.set_redirect("/login", 303);
                else refuse(res, lang, nullptr, {401, t(lang, "err.login_needed")});
                return;
            }
            if (req.method == "POST" && csrf_in_form && !same_secret(req.get_param_value("csrf"), v->session.csrf))
                return refuse(res, lang, &*v, {403, t(lang, "err.csrf")});
            if (p && !may(v->person.role, *p)) return refuse(res, lang, &*v, {403, t(lang, "err.forbidden")});
            h(*v);
        } catch (const Refusal& r) {
            refuse(res, lang, v ? &*v : nullptr, r);
        } catch (const ledger::ReviewRefused& e) {
            refuse(res, lang, v ? &*v : nullptr, {409, say(lang, "err.refused", e.what())});
        } catch (const batch::LockHeld&) {
            refuse(res, lang, v ? &*v : nullptr, {503, t(lang, "err.busy")});
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) refuse(res, lang, v ? &*v : nullptr, {503, t(lang, "err.busy")});
            else refuse(res, lang, v ? &*v : nullptr, {500, esc(e.what())});
        } catch (const std::exception& e) {
            refuse(res, lang, v ? &*v : nullptr, {500, esc(e.what())});
        }
    }

    httplib::Server::Handler guarded(std::optional<Permission> p, Handler h) {
        return [this, p, h](const httplib::Request& req, httplib::Response& res) {
            answer(req, res, p, true, [&](const Visit& v) { h(v, req, res); });
        };
    }

    // A POST whose body the handler reads as it arrives (an upload): the session and the
    // role are checked before a byte of it is read.
    httplib::Server::HandlerWithContentReader guarded_upload(Permission p, UploadHandler h) {
        return [this, p, h](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
            answer(req, res, p, false, [&](const Visit& v) { h(v, req, res, reader); });
            // A refusal may leave the body unread: the connection cannot carry another request.
            if (res.status >= 400) res.set_header("Connection", "close");
        };
    }

    std::int64_t id_in_path(const httplib::Request& req, Lang lang) {
        auto id = to_int(req.matches[1].str());
        if (!id) throw Refusal{404, t(lang, "err.not_found")};
        return *id;
    }

    std::string form_text(const httplib::Request& req, const char* name, Lang lang, bool required = true) {
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
        return fmt::format(R"(<div class="flash" id="flash">{}</div>)",
                           say(lang, key, req.get_param_value("n")));
    }

    // ---- login ----------------------------------------------------------------------

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

    void login(const httplib::Request& req, httplib::Response& res) {
        const Lang lang = lang_of(req);
        const std::string name = req.get_param_value("name");
        const std::string password = req.get_param_value("password");
        const std::string address = client_address(req);
        ledger::PeopleStore people(ledger());
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
                                                 behind_tls(req) ? "; Secure" : ""));
        res.set_redirect(p->role == Role::admin ? "/users" : "/", 303);
    }

    void logout(const Visit& v, httplib::Response& res) {
        ledger::PeopleStore(ledger()).end_session(v.session.token_sha256, actor(v), utc_instant(now()));
        res.set_header("Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kSessionCookie));
        res.set_redirect("/login", 303);
    }

    // ---- batches --------------------------------------------------------------------

    // Where the batch stands on the way to payment: open, reviewed, in its notice period
    // (公示中, until its last day), notice over, approved.
    std::string batch_state(Lang lang, const ledger::BatchOverview& b,
                            const std::optional<ledger::NoticePublication>& notice) {
        if (!b.approved_by.empty()) return t(lang, "batch.approved");
        if (notice) {
            const bool over = local_date(now(), o.time_zone) > *date_from_iso(notice->last_day);
            return say(lang, over ? "batch.notice_over" : "batch.in_notice", notice->last_day);
        }
        if (!b.reviewed_by.empty()) return t(lang, "batch.reviewed");
        return t(lang, "batch.open");
    }

    void batches(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        ledger::WorkbenchStore store(ledger());
        std::string rows;
        for (auto id : store.batch_ids_newest_first()) {
            const auto b = store.overview(id);
            if (!b) continue;
            std::int64_t lines = 0;
            for (const auto& [s, tally] : b->by_status) lines += tally.lines;
            const auto payable = b->by_status.count("payable") ? b->by_status.at("payable") : ledger::StatusTally{};
            const auto notice = ledger::NoticeStore(ledger()).publication(id);
            std::string who;
            for (const auto& r : b->reviewed_by) who += esc(r) + "<br>";
            if (notice) who += say(v.lang, "batch.published_by", notice->published_by, notice->published_at) + "<br>";
            if (!b->approved_by.empty()) who += esc(b->approved_by + " " + b->approved_at);
            const std::string period = notice ? esc(notice->first_day + " – " + notice->last_day) : "—";
            rows += fmt::format(R"(<tr><td><a href="/batch/{0}">{0}</a></td><td>{1}</td><td>{2}</td><td class="num">{3}</td>)"
                                R"(<td class="num">{4}</td><td>{5}</td><td>{6}</td><td>{7}</td></tr>)",
                                id, esc(b->started_at), esc(b->as_of), lines, yuan(payable.fen),
                                batch_state(v.lang, *b, notice), period, who);
        }
        html(res, page(v, msg(v.lang, "batches.title"),
                       fmt::format(R"({}<h1>{}</h1><table id="batches"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>)"
                                   R"(<th>{}</th><th>{}</th><th>{}</th><th>{} / {}</th></tr>{}</table>)",
                                   flash(req, v.lang), t(v, "batches.title"), t(v, "batch.title"), t(v, "batch.started"),
                                   t(v, "batch.as_of"), t(v, "batch.lines"), t(v, "batch.payable_total"),
                                   t(v, "batch.state"), t(v, "batch.notice_period"), t(v, "batch.reviewed_by"),
                                   t(v, "batch.approved_by"), rows)));
    }

    std::string options(const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen,
                        Lang lang) {
        std::string out = fmt::format(R"(<option value="">{}</option>)", t(lang, "filter.any"));
        for (const auto& [value, label] : values)
            out += fmt::format(R"(<option value="{}"{}>{}</option>)", esc(value), value == chosen ? " selected" : "", label);
        return out;
    }

    // Why the batch's buttons are there or not (point 3: the page says why one is missing).
    std::string batch_actions(const Visit& v, const ledger::BatchOverview& b) {
        const Lang lang = v.lang;
        std::string out = R"(<div class="actions" id="actions">)";
        if (!b.approved_by.empty()) {
            out += fmt::format(R"(<p class="why" id="why-approved">{}</p>)",
                               say(lang, "why.approved", b.approved_by, b.approved_at));
        } else {
            const auto gate = notice::approval_open(ledger(), b.batch_id, local_date(now(), o.time_zone));
            if (gate.publication)
                out += fmt::format(R"(<p id="notice-period">{}</p>)",
                                   say(lang, "notice.period", gate.publication->first_day, gate.publication->last_day));
            if (may(v.person.role, Permission::mark_reviewed)) {
                out += fmt::format(R"(<form method="post" action="/batch/{}/reviewed">{}<button type="submit" id="mark-reviewed">{}</button></form>)",
                                   b.batch_id, csrf_field(v), t(lang, "batch.mark_reviewed"));
                if (b.reviewed_by.empty())
                    out += fmt::format(R"(<p class="why" id="why-no-publish">{}</p>)", t(lang, "why.not_reviewed_publish"));
                else if (!gate.publication)
                    out += fmt::format(R"(<form method="post" action="/batch/{}/publish" data-confirm="{}">{}<button type="submit" id="publish">{}</button></form>)",
                                       b.batch_id, t(lang, "batch.publish"), csrf_field(v), t(lang, "batch.publish"));
            }
            if (may(v.person.role, Permission::approve)) {
                const auto reviewers = ledger::WorkbenchStore(ledger()).reviewers_of(b.batch_id);
                if (b.reviewed_by.empty())
                    out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)", t(lang, "why.not_reviewed"));
                else if (reviewers.count(v.person.name))
                    out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)", t(lang, "why.two_persons"));
                else if (!gate.open)
                    out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)", esc(gate.refusal));
                else
                    out += fmt::format(R"(<form method="post" action="/batch/{}/approve" data-confirm="{}">{}<button type="submit" id="approve">{}</button></form>)",
                                       b.batch_id, t(lang, "batch.approve"), csrf_field(v), t(lang, "batch.approve"));
            } else {
                out += fmt::format(R"(<p class="why" id="why-no-approve">{}</p>)",
                                   say(lang, "why.missing_role", msg(lang, fmt::format("role.{}", role_name(v.person.role)))));
            }
        }
        out += "</div>";
        return out;
    }

    // What a batch offers for download at its stage (issue 13 point 5): its lines as a
    // workbook at any time; the notice once published; the treasury files and the approval
    // sheet once approved. Only these names are ever served, and only from OUT.
    std::vector<std::string> download_names(ledger::Ledger& l, std::int64_t batch) const {
        std::vector<std::string> names{exports::lines_workbook_name(batch)};
        if (ledger::NoticeStore(l).publication(batch)) {
            names.push_back(fmt::format("notice-{}.html", batch));
            names.push_back(fmt::format("notice-{}.csv", batch));
        }
        if (ledger::ReviewStore(l).approval(batch)) {
            for (const auto* f : {"treasury-{}.csv", "treasury-{}.xlsx", "treasury-{}.csv.sha256", "treasury-{}.xlsx.sha256"})
                names.push_back(fmt::format(fmt::runtime(f), batch));
            names.push_back(exports::approval_sheet_name(batch));
        }
        return names;
    }

    void batch_page(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const Lang lang = v.lang;
        const std::int64_t id = id_in_path(req, lang);
        ledger::WorkbenchStore store(ledger());
        const auto b = store.overview(id);
        if (!b) throw Refusal{404, t(lang, "batch.unknown")};

        ledger::LineQuery q;
        q.batch_id = id;
        q.status = req.get_param_value("status");
        q.clause = req.get_param_value("clause");
        q.reason = req.get_param_value("reason");
        q.district = req.get_param_value("district");
        if (!q.status.empty() && !has_msg("status." + q.status)) throw Refusal{400, say(lang, "err.bad_form", "status")};
        const std::string text = req.get_param_value("q");
        if (text.size() > 200) throw Refusal{400, say(lang, "err.bad_form", "q")};
        if (text.find_first_not_of(" \t") != std::string::npos) {
            auto found = resolve_search(ledger(), text);
            q.text_given = true;
            q.grant_ids = std::move(found.grant_ids);
            q.usccs = std::move(found.usccs);
        }
        const std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "line";
        static const std::vector<std::pair<std::string, ledger::LineOrder>> orders{
            {"line", ledger::LineOrder::line},       {"amount_desc", ledger::LineOrder::amount_desc},
            {"amount_asc", ledger::LineOrder::amount_asc}, {"clause", ledger::LineOrder::clause},
            {"status", ledger::LineOrder::status}};
        bool known_sort = false;
        for (const auto& [name, order] : orders)
            if (name == sort) q.order = order, known_sort = true;
        if (!known_sort) throw Refusal{400, say(lang, "err.bad_form", "sort")};
        std::int64_t page_no = 1;
        if (req.has_param("page")) {
            auto p = to_int(req.get_param_value("page"));
            if (!p || *p < 1 || *p > 1000000) throw Refusal{400, say(lang, "err.bad_form", "page")};
            page_no = *p;
        }
        // Next and previous carry the line the page ends or starts with (keyset paging: the
        // page is read off an index from there); a page number alone skips index entries.
        for (auto [name, field] : {std::pair{"after", &q.after}, std::pair{"before", &q.before}})
            if (req.has_param(name)) {
                auto mark = to_int(req.get_param_value(name));
                if (!mark || *mark < 1) throw Refusal{400, say(lang, "err.bad_form", name)};
                *field = *mark;
            }
        if (q.after == 0 && q.before == 0) q.offset = (page_no - 1) * kPageSize;
        q.limit = kPageSize;
        const std::int64_t total = store.count(q);
        const auto rows = store.lines(q);

        std::vector<std::pair<std::string, std::string>> status_opts, clause_opts, reason_opts, district_opts, sort_opts;
        for (const char* s : {"payable", "held", "rejected", "recovery"}) status_opts.emplace_back(s, status_word(lang, s));
        for (const auto& c : store.clauses(id)) clause_opts.emplace_back(c, esc(c));
        for (const auto& r : store.reasons(id)) {
            const auto* w = texts.reasons.find(r);
            reason_opts.emplace_back(r, esc(w ? (lang == Lang::zh ? w->zh : w->en) : r));
        }
        for (const auto& [code, w] : texts.districts.entries())
            district_opts.emplace_back(code, esc(lang == Lang::zh ? w.zh : w.en));
        for (const auto& [name, order] : orders) sort_opts.emplace_back(name, t(lang, "sort." + name));

        std::string body = flash(req, lang);
        std::int64_t lines = 0;
        for (const auto& [s, tally] : b->by_status) lines += tally.lines;
        body += fmt::format(R"(<h1>{} {} · {}</h1><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>)",
                            t(lang, "batch.title"), id, batch_state(lang, *b, ledger::NoticeStore(ledger()).publication(id)), t(lang, "batch.started"),
                            esc(b->started_at), t(lang, "batch.as_of"), esc(b->as_of), t(lang, "batch.lines"), lines);
        for (const auto& [s, tally] : b->by_status)
            body += fmt::format("<dt>{}</dt><dd>{} · {} 元</dd>", status_word(lang, s), tally.lines, yuan(tally.fen));
        std::string reviewed;
        for (const auto& r : b->reviewed_by) reviewed += esc(r) + "<br>";
        body += fmt::format("<dt>{}</dt><dd id=\"reviewed-by\">{}</dd><dt>{}</dt><dd id=\"approved-by\">{}</dd></dl>",
                            t(lang, "batch.reviewed_by"), reviewed.empty() ? "—" : reviewed, t(lang, "batch.approved_by"),
                            b->approved_by.empty() ? "—" : esc(b->approved_by + " " + b->approved_at));
        body += batch_actions(v, *b);
        if (may(v.person.role, Permission::download)) {
            body += fmt::format("<h2>{}</h2><ul id=\"downloads\">", t(lang, "batch.downloads"));
            for (const auto& n : download_names(ledger(), id))
                if (n == exports::lines_workbook_name(id) || std::filesystem::exists(o.out / n))
                    body += fmt::format(R"(<li><a href="/download/{}/{}">{}</a> {}</li>)", id, esc(n), esc(n),
                                        t(lang, download_label(n)));
            body += "</ul>";
        }
        body += fmt::format(R"(<form class="filters" method="get" action="/batch/{}" id="filters">)"
                            R"(<label>{}<select name="status">{}</select></label><label>{}<select name="clause">{}</select></label>)"
                            R"(<label>{}<select name="district">{}</select></label><label>{}<select name="reason">{}</select></label>)"
                            R"(<label>{}<input class="wide" type="text" name="q" id="q" value="{}"></label>)"
                            R"(<label>{}<select name="sort">{}</select></label><button type="submit" id="apply">{}</button></form>)",
                            id, t(lang, "filter.status"), options(status_opts, q.status, lang), t(lang, "filter.clause"),
                            options(clause_opts, q.clause, lang), t(lang, "filter.district"),
                            options(district_opts, q.district, lang), t(lang, "filter.reason"),
                            options(reason_opts, q.reason, lang), t(lang, "filter.text"), esc(text),
                            t(lang, "filter.sort"), options(sort_opts, sort, lang).substr(options({}, "", lang).size()),
                            t(lang, "filter.apply"));
        if (rows.empty()) {
            body += fmt::format(R"(<p id="no-lines">{}</p>)", t(lang, "page.none"));
        } else {
            body += fmt::format(R"(<table id="lines"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>)",
                                t(lang, "col.line"), t(lang, "col.grant"), t(lang, "col.payee"), t(lang, "col.clause"),
                                t(lang, "col.status"), t(lang, "col.amount"), t(lang, "col.reason"), t(lang, "col.hold"));
            for (const auto& r : rows) body += line_row(lang, r, false);
            body += "</table>";
        }
        const std::int64_t pages = (total + kPageSize - 1) / kPageSize;
        auto link = [&](std::int64_t p, const char* mark, std::int64_t line) {
            return fmt::format("/batch/{}?status={}&amp;clause={}&amp;district={}&amp;reason={}&amp;q={}&amp;sort={}&amp;page={}&amp;{}={}",
                               id, url_part(q.status), url_part(q.clause), url_part(q.district), url_part(q.reason),
                               url_part(text), url_part(sort), p, mark, line);
        };
        body += fmt::format(R"(<div class="pager" id="pager">{}<span>{}</span>{}</div>)",
                            page_no > 1 && !rows.empty()
                                ? fmt::format(R"(<a href="{}" id="prev">{}</a>)", link(page_no - 1, "before", rows.front().line_id), t(lang, "page.prev"))
                                : "",
                            say(lang, "page.of", total, page_no),
                            page_no < pages && !rows.empty()
                                ? fmt::format(R"(<a href="{}" id="next">{}</a>)", link(page_no + 1, "after", rows.back().line_id), t(lang, "page.next"))
                                : "");
        html(res, page(v, fmt::format("{} {}", msg(lang, "batch.title"), id), body));
    }

    std::string reason_words(Lang lang, const std::string& code) {
        if (code.empty()) return "";
        const auto* w = texts.reasons.find(code);
        return esc(w ? (lang == Lang::zh ? w->zh : w->en) : code);
    }

    std::string line_row(Lang lang, const ledger::LineRow& r, bool with_batch) {
        return fmt::format(R"(<tr>{}<td><a href="/line/{}">{}</a></td><td>{}</td><td><a href="/company/{}">{}</a></td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td><td class="held">{}</td></tr>)",
                           with_batch ? fmt::format(R"(<td><a href="/batch/{0}">{0}</a></td>)", r.batch_id) : "",
                           r.line_id, r.line_id, esc(r.grant_id), url_part(r.payee_uscc), esc(r.payee_name), esc(r.clause),
                           status_word(lang, r.status), yuan(r.amount_fen), reason_words(lang, r.reason),
                           r.held_by.empty() ? "" : esc(r.held_by + ": " + r.held_why));
    }

    // ---- a line ---------------------------------------------------------------------

    void line_page(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const Lang lang = v.lang;
        const std::int64_t id = id_in_path(req, lang);
        ledger::WorkbenchStore store(ledger());
        const auto d = store.line(id);
        if (!d) throw Refusal{404, t(lang, "line.unknown")};
        const auto approval = ledger::ReviewStore(ledger()).approval(d->row.batch_id);
        std::string body = flash(req, lang);
        body += fmt::format(R"(<h1>{} {} · <a href="/batch/{}">{} {}</a></h1>)", t(lang, "line.title"), id,
                            d->row.batch_id, t(lang, "batch.title"), d->row.batch_id);
        body += fmt::format(R"(<dl class="facts" id="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>)"
                            R"(<dt>{}</dt><dd>{} {}</dd><dt>{}</dt><dd><a href="/company/{}">{}</a> {}</dd><dt>{}</dt><dd>{}</dd>)"
                            R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd class="num">{} 元</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>)"
                            R"(<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><code>{}</code></dd></dl>)",
                            t(lang, "col.grant"), esc(d->row.grant_id), t(lang, "line.title_of_patent"), esc(d->title),
                            t(lang, "line.application"), esc(d->application_number), t(lang, "line.type"),
                            has_msg("type." + d->patent_type) ? t(lang, "type." + d->patent_type) : esc(d->patent_type),
                            has_msg("jurisdiction." + d->jurisdiction) ? "· " + t(lang, "jurisdiction." + d->jurisdiction)
                                                                         : esc(d->jurisdiction), t(lang, "col.payee"), url_part(d->row.payee_uscc),
                            esc(d->row.payee_name), esc(d->row.payee_uscc), t(lang, "col.clause"), esc(d->row.clause),
                            t(lang, "col.status"), status_word(lang, d->row.status), t(lang, "col.amount"),
                            yuan(d->row.amount_fen), t(lang, "col.reason"), reason_words(lang, d->row.reason),
                            t(lang, "line.policy"), esc(d->policy_version), t(lang, "line.created"), esc(d->created_at),
                            t(lang, "line.hash"), esc(d->hash));
        body += reasoning_html(v, *d, policy ? &*policy : nullptr);

        body += R"(<div class="actions" id="actions">)";
        if (!d->row.held_by.empty())
            body += fmt::format(R"(<p class="held" id="held">{}</p>)", say(lang, "line.held_by", d->row.held_by, d->row.held_why));
        if (approval) {
            body += fmt::format(R"(<p class="why">{}</p>)", say(lang, "why.approved", approval->by, approval->at));
        } else if (!may(v.person.role, Permission::hold)) {
            body += fmt::format(R"(<p class="why" id="why-no-hold">{}</p>)",
                                say(lang, "why.missing_role", msg(lang, fmt::format("role.{}", role_name(v.person.role)))));
        } else if (!d->row.held_by.empty()) {
            body += fmt::format(R"(<form method="post" action="/line/{}/release">{}<button type="submit" id="release">{}</button></form>)",
                                id, csrf_field(v), t(lang, "line.release"));
        } else if (d->row.status != "payable") {
            body += fmt::format(R"(<p class="why" id="why-no-hold">{}</p>)", t(lang, "why.not_payable"));
        } else {
            body += fmt::format(R"(<form method="post" action="/line/{}/hold">{}<label>{} <input type="text" name="why" id="hold-why" required></label> <button type="submit" id="hold">{}</button></form>)",
                                id, csrf_field(v), t(lang, "line.hold_why"), t(lang, "line.hold"));
        }
        body += "</div>";
        body += fmt::format("<h2>{}</h2><ul id=\"notes\">", t(lang, "line.notes"));
        for (const auto& a : store.annotations(id))
            body += fmt::format("<li>{} · {}：{}</li>", esc(a.by), esc(a.at), esc(a.text));
        body += "</ul>";
        if (may(v.person.role, Permission::annotate))
            body += fmt::format(R"(<form method="post" action="/line/{}/annotate">{}<textarea name="text" id="note-text" rows="2" cols="60" required></textarea> <button type="submit" id="annotate">{}</button></form>)",
                                id, csrf_field(v), t(lang, "line.annotate"));
        html(res, page(v, fmt::format("{} {}", msg(lang, "line.title"), id), body));
    }

    // Actions on a line or a batch: the batch lock for this one action only (a nightly run
    // holding it makes the action wait for the next try, LockHeld), the anchor log checked
    // before and written after.
    template <class F>
    void act(F&& f) {
        const batch::RunLock lock(o.db);
        ledger::Ledger& l = ledger();
        ledger::AnchoredWrite anchored(l, o.anchors, anchor_fallback);
        const std::string kind = f(l);
        anchored.anchor(kind);
    }

    void hold(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t id = id_in_path(req, v.lang);
        const std::string why = form_text(req, "why", v.lang);
        act([&](ledger::Ledger& l) {
            ledger::ReviewStore(l).hold(id, v.person.name, why, utc_instant(now()));
            ledger::PeopleStore(l).record_act("workbench_act", fmt::format("held line {}: {}", id, why), actor(v),
                                              utc_instant(now()));
            return std::string("staff_hold");
        });
        res.set_redirect(fmt::format("/line/{}?done=done.hold&n={}", id, id), 303);
    }

    void release(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t id = id_in_path(req, v.lang);
        act([&](ledger::Ledger& l) {
            ledger::ReviewStore(l).release(id, v.person.name, utc_instant(now()));
            ledger::PeopleStore(l).record_act("workbench_act", fmt::format("released line {}", id), actor(v),
                                              utc_instant(now()));
            return std::string("staff_hold");
        });
        res.set_redirect(fmt::format("/line/{}?done=done.release&n={}", id, id), 303);
    }

    void annotate(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t id = id_in_path(req, v.lang);
        const std::string text = form_text(req, "text", v.lang);
        if (!ledger::WorkbenchStore(ledger()).line(id)) throw Refusal{404, t(v.lang, "line.unknown")};
        act([&](ledger::Ledger& l) {
            ledger::WorkbenchStore(l).annotate(id, actor(v), text, utc_instant(now()));
            return std::string("annotation");
        });
        res.set_redirect(fmt::format("/line/{}?done=done.note", id), 303);
    }

    void mark_reviewed(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t id = id_in_path(req, v.lang);
        act([&](ledger::Ledger& l) {
            ledger::WorkbenchStore store(l);
            const auto b = store.overview(id);
            if (!b) throw Refusal{404, t(v.lang, "batch.unknown")};
            if (!b->approved_by.empty()) throw Refusal{409, say(v.lang, "why.approved", b->approved_by, b->approved_at)};
            store.mark_reviewed(id, actor(v), utc_instant(now()));
            return std::string("batch_review");
        });
        res.set_redirect(fmt::format("/batch/{}?done=done.reviewed&n={}", id, id), 303);
    }

    // 公示: a reviewer publishes the reviewed batch's proposed payments for the notice period.
    void publish(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t id = id_in_path(req, v.lang);
        if (!policy) throw Refusal{500, esc("no policy file: the notice period cannot be counted")};
        act([&](ledger::Ledger& l) {
            ledger::WorkbenchStore store(l);
            const auto b = store.overview(id);
            if (!b) throw Refusal{404, t(v.lang, "batch.unknown")};
            if (!b->approved_by.empty()) throw Refusal{409, say(v.lang, "why.approved", b->approved_by, b->approved_at)};
            if (b->reviewed_by.empty()) throw Refusal{409, t(v.lang, "why.not_reviewed_publish")};
            if (o.objection_channel.empty()) throw Refusal{409, t(v.lang, "why.no_objection_channel")};
            notice::NoticeSettings ns;
            ns.time_zone = o.time_zone;
            if (!o.holidays.empty()) ns.calendar = notice::WorkingCalendar::load(o.holidays);
            ns.objection_channel = o.objection_channel;
            ns.contacts = o.contacts;
            if (!o.publisher.empty()) ns.publisher = o.publisher;
            ns.working_days = policy->nearest(local_date(now(), o.time_zone)).notice_working_days;
            std::filesystem::create_directories(o.out);
            notice::publish_notice(l, id, actor(v), ns, *policy, o.out);
            return std::string("notice");
        });
        res.set_redirect(fmt::format("/batch/{}?done=done.published&n={}", id, id), 303);
    }

    void approve(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t id = id_in_path(req, v.lang);
        act([&](ledger::Ledger& l) {
            ledger::WorkbenchStore store(l);
            const auto b = store.overview(id);
            if (!b) throw Refusal{404, t(v.lang, "batch.unknown")};
            if (!b->approved_by.empty()) throw Refusal{409, say(v.lang, "why.approved", b->approved_by, b->approved_at)};
            if (b->reviewed_by.empty()) throw Refusal{409, t(v.lang, "why.not_reviewed")};
            if (store.reviewers_of(id).count(v.person.name)) throw Refusal{409, t(v.lang, "why.two_persons")};
            const auto instant = now();
            const auto gate = notice::approval_open(l, id, local_date(instant, o.time_zone));
            if (!gate.open) throw Refusal{409, say(v.lang, "err.refused", gate.refusal)};
            std::filesystem::create_directories(o.out);
            exports::approve_batch(l, id, v.person.name, o.out, utc_instant(instant), local_date(instant, o.time_zone));
            // The sheet staff print, sign and file (审批表), as `patsub approve` writes it.
            exports::write_approval_sheet(l, id, texts, o.out);
            ledger::PeopleStore(l).record_act("workbench_act", fmt::format("approved batch {}", id), actor(v),
                                              utc_instant(now()));
            return std::string("approval");
        });
        res.set_redirect(fmt::format("/batch/{}?done=done.approved&n={}", id, id), 303);
    }

    void download(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::int64_t batch = id_in_path(req, v.lang);
        const std::string name = req.matches[2].str();
        const auto names = download_names(ledger(), batch);
        if (std::find(names.begin(), names.end(), name) == names.end())
            throw Refusal{404, t(v.lang, "err.bad_download")};
        const std::string type = name.ends_with(".csv")    ? "text/csv; charset=utf-8"
                                 : name.ends_with(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                 : name.ends_with(".html") ? "text/html; charset=utf-8"
                                                           : "text/plain; charset=utf-8";
        auto record = [&](std::uintmax_t size, const std::string& sha256) {
            ledger::PeopleStore(ledger()).record_act("download", fmt::format("downloaded {} ({} bytes, sha256 {})", name,
                                                                             size, sha256),
                                                     actor(v), utc_instant(now()));
            res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", name));
        };
        if (name == exports::lines_workbook_name(batch)) {
            // Written for this request from the ledger as it is now (holds included), to a
            // private scratch file: OUT holds only what the bureau handed over. A million
            // lines make a 56 MB workbook and take minutes: one is written at a time (a
            // second asker is told the server is busy) and it is sent from its file, not
            // held, so that twenty sessions stay inside the memory bound (point 6).
            if (!ledger::ReviewStore(ledger()).batch(batch)) throw Refusal{404, t(v.lang, "batch.unknown")};
            std::unique_lock one_at_a_time(workbook_writer, std::try_to_lock);
            if (!one_at_a_time.owns_lock()) throw Refusal{503, t(v.lang, "err.busy")};
            auto sent = std::make_shared<SentFile>();
            const auto file = sent->scratch.emplace().path() / name;
            exports::write_lines_workbook(ledger(), batch, texts, file);
            one_at_a_time.unlock();
            sent->in.open(file, std::ios::binary);
            if (!sent->in) throw std::runtime_error("cannot read " + file.string());
            send_file(sent, type, record, res);
            return;
        }
        // Sent from its file too, never held: a million-line batch's notice-<N>.csv is
        // 160 MB (issue 17 point 4). Hashed and sent from the one file opened, so that
        // the bytes recorded are the bytes sent even if the file is replaced meanwhile.
        if (!std::filesystem::is_regular_file(o.out / name)) throw Refusal{404, t(v.lang, "err.bad_download")};
        auto sent = std::make_shared<SentFile>();
        sent->in.open(o.out / name, std::ios::binary);
        if (!sent->in) throw Refusal{404, t(v.lang, "err.bad_download")};
        send_file(sent, type, record, res);
    }

    // Hashes the opened file (the download's record), then serves it from there.
    static void send_file(const std::shared_ptr<SentFile>& sent, const std::string& type,
                          const std::function<void(std::uintmax_t, const std::string&)>& record,
                          httplib::Response& res) {
        Sha256Stream digest;
        std::uintmax_t size = 0;
        std::string chunk(64 * 1024, '\0');
        while (sent->in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || sent->in.gcount() > 0) {
            const auto got = static_cast<std::size_t>(sent->in.gcount());
            digest.update(std::string_view(chunk.data(), got));
            size += got;
        }
        sent->in.clear();
        record(size, digest.hex());
        res.set_content_provider(size, type, [sent](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            std::string part(std::min<std::size_t>(length, 64 * 1024), '\0');
            sent->in.seekg(static_cast<std::streamoff>(offset));
            sent->in.read(part.data(), static_cast<std::streamsize>(part.size()));
            const auto got = sent->in.gcount();
            return got > 0 && sink.write(part.data(), static_cast<std::size_t>(got));
        });
    }

    // ---- company, summary, verify, users --------------------------------------------

    void company_page(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const Lang lang = v.lang;
        const std::string uscc = req.matches[1].str();
        ledger::WorkbenchStore store(ledger());
        const auto c = store.company(uscc);
        if (!c) throw Refusal{404, t(lang, "company.unknown")};
        std::string body = fmt::format(R"(<h1>{} · {}</h1><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>)",
                                       t(lang, "company.title"), esc(c->name), t(lang, "company.credit_code"), esc(c->uscc),
                                       t(lang, "company.aliases"), esc(c->aliases), t(lang, "filter.district"),
                                       esc(c->district.empty() ? "" : texts.district_label(c->district)));
        body += fmt::format(R"(<h2>{}</h2><table id="company-lines"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>)",
                            t(lang, "company.lines"), t(lang, "col.batch"), t(lang, "col.line"), t(lang, "col.grant"),
                            t(lang, "col.payee"), t(lang, "col.clause"), t(lang, "col.status"), t(lang, "col.amount"),
                            t(lang, "col.reason"), t(lang, "col.hold"));
        for (const auto& r : store.company_lines(uscc, 500)) body += line_row(lang, r, true);
        body += "</table>";
        html(res, page(v, msg(lang, "company.title"), body));
    }

    void summary_page(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const Lang lang = v.lang;
        const std::string from_text = req.has_param("from") ? req.get_param_value("from") : "2019-01-01";
        const std::string to_text = req.has_param("to") ? req.get_param_value("to") : to_iso(date_from_iso(utc_instant(now()).substr(0, 10)).value());
        const auto from = date_from_iso(from_text);
        const auto to = date_from_iso(to_text);
        if (!from || !to) throw Refusal{400, t(lang, "summary.bad_dates")};
        const auto s = exports::gather_summary(ledger(), *from, *to);
        auto section = [&](const char* key, const exports::Breakdown& b, const exports::KeyLabel& label) {
            return fmt::format("<h2>{}</h2>{}{}", t(lang, key), exports::svg_bar_chart(msg(lang, key), exports::breakdown_bars(b, label)),
                               exports::breakdown_table(b, msg(lang, key), label));
        };
        const exports::KeyLabel plain = [](const std::string& k) { return k; };
        const exports::KeyLabel district = [&](const std::string& k) { return texts.district_label(k); };
        const exports::KeyLabel status = [&](const std::string& k) { return has_msg("status." + k) ? msg(lang, "status." + k) : k; };
        std::string body = fmt::format(R"(<h1>{}</h1><form class="filters" method="get" action="/summary"><label>{}<input type="text" name="from" value="{}"></label><label>{}<input type="text" name="to" value="{}"></label><button type="submit">{}</button></form>)",
                                       t(lang, "summary.title"), t(lang, "summary.from"), esc(from_text), t(lang, "summary.to"),
                                       esc(to_text), t(lang, "filter.apply"));
        body += section("summary.by_clause", s.by_clause, plain) + section("summary.by_district", s.by_district, district) +
                section("summary.by_month", s.by_month, plain) + section("summary.by_status", s.by_status, status);
        html(res, page(v, msg(lang, "summary.title"), body));
    }

    // ---- what would it earn (issue 14 point 7) ------------------------------------------

    struct EarningsInputs {
        EarningsBasis basis;
        std::vector<Payee> payees;
    };

    // The bureau's today, the policy version in force then, and the ledger's latest registry.
    EarningsInputs earnings_inputs(Lang lang) {
        if (!policy || !kinds) throw Refusal{503, t(lang, "earn.no_policy")};
        EarningsInputs in;
        in.basis.as_of = local_date(now(), o.time_zone);
        in.basis.policy_version = policy->nearest(in.basis.as_of).id;
        ledger::PayeeStore payees(ledger());
        if (const auto snapshot = payees.latest_snapshot()) {
            in.payees = payees.snapshot_rows(snapshot->sha256);
            in.basis.registry = snapshot->path;
            in.basis.payees = in.payees.size();
        }
        return in;
    }

    void check_page(const Visit& v, const httplib::Request&, httplib::Response& res) {
        html(res, page(v, msg(v.lang, "earn.title"), earnings_form(v, earnings_inputs(v.lang).basis)));
    }

    // The upload is written to a scratch file as it arrives (never held in memory), read
    // by the nightly's readers, and gone with the response.
    void check_upload(const Visit& v, const httplib::Request& req, httplib::Response& res,
                      const httplib::ContentReader& reader) {
        const Lang lang = v.lang;
        if (!req.is_multipart_form_data()) throw Refusal{400, say(lang, "err.bad_form", "file")};
        auto in = earnings_inputs(lang);
        const ScratchDir scratch;
        const auto path = scratch.path() / "upload";
        std::ofstream file;
        std::string field, csrf, shown;
        bool token_first = false, have_file = false, too_large = false;
        std::size_t bytes = 0;
        const bool read = reader(
            [&](const httplib::MultipartFormData& part) {
                field = part.name;
                if (field != "file") return true;  // other fields are read past
                // The form carries the token before the file; a file without it is not read.
                token_first = same_secret(csrf, v.session.csrf);
                if (!token_first || have_file) return false;
                have_file = true;
                shown = shown_upload_name(part.filename);
                file.open(path, std::ios::binary);
                return static_cast<bool>(file);
            },
            [&](const char* data, std::size_t n) {
                if (field == "csrf") {
                    csrf.append(data, n);
                    return csrf.size() <= 256;
                }
                if (field != "file") return true;
                bytes += n;
                if (bytes > kUploadLimit) {
                    too_large = true;
                    return false;
                }
                file.write(data, static_cast<std::streamsize>(n));
                return static_cast<bool>(file);
            });
        // 413: httplib read nothing, the declared length being over the server's limit.
        if (too_large || res.status == 413) throw Refusal{413, say(lang, "earn.too_large", kUploadLimit / (1024 * 1024))};
        if (!have_file ? !same_secret(csrf, v.session.csrf) : !token_first) throw Refusal{403, t(lang, "err.csrf")};
        if (!read || !have_file) throw Refusal{400, t(lang, "earn.no_file")};
        file.close();
        if (bytes == 0) throw Refusal{400, t(lang, "earn.empty")};
        const EarningsQuestion question(*policy, PayeeRegistry(std::move(in.payees)), in.basis.as_of);
        EarningsReading reading(*kinds, *policy, question);
        try {
            read_grants(path, shown, reading);
        } catch (const std::exception& e) {
            throw Refusal{400, say(lang, "earn.unreadable", shown, e.what())};
        }
        html(res, page(v, msg(lang, "earn.title"), earnings_answer(v, in.basis, shown, reading, texts)));
    }

    void verify_page(const Visit& v, const httplib::Request&, httplib::Response& res) {
        const Lang lang = v.lang;
        ledger::CapRule cap{{}, 0};
        if (policy)
            for (const auto& ver : policy->versions()) {
                for (const auto& c : ver.clauses)
                    if (c.counts_toward_cap) cap.clauses.insert(c.id);
                cap.max_jurisdictions = cap.max_jurisdictions == 0 ? ver.cap_jurisdictions
                                                                   : std::min(cap.max_jurisdictions, ver.cap_jurisdictions);
            }
        auto r = ledger::audit(ledger(), cap);
        ledger::PeopleStore(ledger()).record_act("verify", fmt::format("ran verify: {} lines, {} breaches", r.lines, r.breaches.size()),
                                                 actor(v), utc_instant(now()));
        std::string body = fmt::format("<h1>{}</h1>", t(lang, "verify.title"));
        if (r.breaches.empty()) {
            body += fmt::format(R"(<div class="flash" id="verify-ok">{} ({})</div>)", t(lang, "verify.ok"), r.lines);
        } else {
            body += fmt::format(R"(<div class="error" id="verify-breaches">{}<ul>)", t(lang, "verify.breaches"));
            for (const auto& b : r.breaches) body += "<li>" + esc(b) + "</li>";
            body += "</ul></div>";
        }
        html(res, page(v, msg(lang, "verify.title"), body));
    }

    void users_page(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const Lang lang = v.lang;
        std::string rows;
        for (const auto& p : ledger::PeopleStore(ledger()).all())
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

    void add_user(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::string name = form_text(req, "name", v.lang);
        const auto role = role_from_name(form_text(req, "role", v.lang));
        const std::string password = form_text(req, "password", v.lang);
        if (!role || *role == Role::script) throw Refusal{400, say(v.lang, "err.bad_form", "role")};
        if (password.size() < 10) throw Refusal{400, say(v.lang, "err.bad_form", "password")};
        try {
            ledger::PeopleStore(ledger()).add(name, *role, hash_password(password), actor(v));
        } catch (const ledger::PeopleRefused& e) {
            throw Refusal{409, say(v.lang, "err.refused", e.what())};
        }
        res.set_redirect("/users?done=done.user", 303);
    }

    void disable_user(const Visit& v, const httplib::Request& req, httplib::Response& res) {
        const std::string name = form_text(req, "name", v.lang);
        try {
            ledger::PeopleStore(ledger()).disable(name, actor(v));
        } catch (const ledger::PeopleRefused& e) {
            throw Refusal{409, say(v.lang, "err.refused", e.what())};
        }
        res.set_redirect("/users?done=done.user", 303);
    }

    // ---- routes ---------------------------------------------------------------------

    // Every route as "METHOD PATTERN", in registration order: `patsub serve --list-routes`
    // prints it so that tests/e2e/serve_workbench.sh can check its route-by-role matrix
    // covers every route (a new route cannot skip the matrix).
    std::vector<std::string> route_list;

    template <class H>
    void get(const std::string& pattern, H&& handler) {
        route_list.push_back("GET " + pattern);
        server.Get(pattern, std::forward<H>(handler));
    }
    template <class H>
    void post(const std::string& pattern, H&& handler) {
        route_list.push_back("POST " + pattern);
        server.Post(pattern, std::forward<H>(handler));
    }

    template <class M>
    Handler bound(M method) {
        return [this, method](const Visit& v, const httplib::Request& req, httplib::Response& res) {
            (this->*method)(v, req, res);
        };
    }

    void routes() {
        server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                                    {"X-Content-Type-Options", "nosniff"},
                                    {"X-Frame-Options", "DENY"},
                                    {"Referrer-Policy", "same-origin"},
                                    {"Cache-Control", "no-store"}});
        // A form's fields are read whole before its handler runs; only the check page's
        // upload, read by its handler as it arrives, may be larger. The limit is the
        // server's, so each other route is held to a form's size here, before its body
        // is read (a chunked body has no length to judge: refused outside the upload).
        constexpr std::size_t kFormLimit = 64 * 1024;
        server.set_payload_max_length(kUploadLimit + kFormLimit);
        server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
            if (req.method == "POST" && req.path == "/check") return httplib::Server::HandlerResponse::Unhandled;
            const std::string length = req.get_header_value("Content-Length");
            const bool chunked = req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
            std::size_t n = 0;
            const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
            const bool too_long = !length.empty() && (ec != std::errc() || end != length.data() + length.size() || n > kFormLimit);
            if (!chunked && !too_long) return httplib::Server::HandlerResponse::Unhandled;
            res.status = chunked ? 411 : 413;
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        });
        const int threads = o.threads;
        server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };

        get(R"(/static/([a-z.]+))", [](const httplib::Request& req, httplib::Response& res) {
            auto a = asset(req.matches[1].str());
            if (!a) {
                res.status = 404;
                return;
            }
            res.set_header("Cache-Control", "max-age=3600");
            res.set_content(std::string(a->body), std::string(a->content_type));
        });
        // Browsers ask for /favicon.ico on their own; a 404 there is a console error on
        // every first visit. No content: the workbench has no icon.
        get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) {
            res.status = 204;
            res.set_header("Cache-Control", "max-age=86400");
        });
        get("/login", [this](const httplib::Request& req, httplib::Response& res) {
            html(res, login_form(lang_of(req), ""));
        });
        post("/login", [this](const httplib::Request& req, httplib::Response& res) {
            try {
                const RequestLedger request_ledger(o.db);
                login(req, res);
            } catch (const std::exception& e) {
                refuse(res, lang_of(req), nullptr, {500, esc(e.what())});
            }
        });
        get("/lang", [](const httplib::Request& req, httplib::Response& res) {
            const std::string to = req.get_param_value("to") == "en" ? "en" : "zh";
            std::string back = req.get_param_value("back");
            if (back.empty() || back[0] != '/' || back.rfind("//", 0) == 0 || back.find('\\') != std::string::npos) back = "/";
            res.set_header("Set-Cookie", fmt::format("{}={}; Path=/; SameSite=Strict", kLangCookie, to));
            res.set_redirect(back, 303);
        });
        // Every role may log out: a session and its CSRF token are all it needs.
        post("/logout", guarded(std::nullopt, [this](const Visit& v, const httplib::Request&, httplib::Response& res) { logout(v, res); }));
        get("/", guarded(Permission::read, bound(&Impl::batches)));
        get(R"(/batch/(\d+))", guarded(Permission::read, bound(&Impl::batch_page)));
        get(R"(/line/(\d+))", guarded(Permission::read, bound(&Impl::line_page)));
        get(R"(/company/([0-9A-Za-z%]+))", guarded(Permission::read, bound(&Impl::company_page)));
        get("/summary", guarded(Permission::read, bound(&Impl::summary_page)));
        get("/check", guarded(Permission::read, bound(&Impl::check_page)));
        post("/check", guarded_upload(Permission::read, [this](const Visit& v, const httplib::Request& req,
                                                               httplib::Response& res, const httplib::ContentReader& reader) {
                 check_upload(v, req, res, reader);
             }));
        get("/verify", guarded(Permission::verify, bound(&Impl::verify_page)));
        get("/users", guarded(Permission::manage_users, bound(&Impl::users_page)));
        post("/users", guarded(Permission::manage_users, bound(&Impl::add_user)));
        post("/users/disable", guarded(Permission::manage_users, bound(&Impl::disable_user)));
        post(R"(/line/(\d+)/hold)", guarded(Permission::hold, bound(&Impl::hold)));
        post(R"(/line/(\d+)/release)", guarded(Permission::hold, bound(&Impl::release)));
        post(R"(/line/(\d+)/annotate)", guarded(Permission::annotate, bound(&Impl::annotate)));
        post(R"(/batch/(\d+)/reviewed)", guarded(Permission::mark_reviewed, bound(&Impl::mark_reviewed)));
        post(R"(/batch/(\d+)/approve)", guarded(Permission::approve, bound(&Impl::approve)));
        post(R"(/batch/(\d+)/publish)", guarded(Permission::mark_reviewed, bound(&Impl::publish)));
        get(R"(/download/(\d+)/([^/]+))", guarded(Permission::download, bound(&Impl::download)));
        server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            const Lang lang = lang_of(req);
            res.set_content(bare_page(lang, msg(lang, "err.title"),
                                      fmt::format(R"(<div class="error" id="error">{}</div><p><a href="/">{}</a></p>)",
                                                  t(lang, res.status == 404 ? "err.not_found" : "err.title"),
                                                  t(lang, "nav.batches"))),
                            "text/html; charset=utf-8");
        });
    }
};

Workbench::Workbench(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Workbench::~Workbench() = default;

void Workbench::run() {
    // Opens (and migrates) the ledger once before listening, so a wrong path fails now.
    { const Impl::RequestLedger check(impl_->o.db); }
    if (!impl_->server.bind_to_port(impl_->o.host, impl_->o.port))
        throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use, or no permission)", impl_->o.host, impl_->o.port));
    impl_->server.listen_after_bind();
}

void Workbench::stop() { impl_->server.stop(); }

const std::vector<std::string>& Workbench::routes() const { return impl_->route_list; }

}  // namespace patsub::serve

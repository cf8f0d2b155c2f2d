#include "serve/workbench.h"

#include "serve/assets.h"
#include "serve/earnings_page.h"
#include "serve/pages/approval.h"
#include "serve/pages/batch_page.h"
#include "serve/pages/batch_review.h"
#include "serve/pages/batches.h"
#include "serve/pages/check.h"
#include "serve/pages/company.h"
#include "serve/pages/downloads.h"
#include "serve/pages/line_page.h"
#include "serve/pages/login.h"
#include "serve/pages/notice.h"
#include "serve/pages/summary.h"
#include "serve/pages/users.h"
#include "serve/pages/verify.h"
#include "serve/workbench_context.h"

#include <fmt/format.h>
#include <httplib.h>

#include <charconv>
#include <stdexcept>
#include <utility>

namespace patsub::serve {

struct Workbench::Impl {
    WorkbenchContext wb;
    httplib::Server server;  // after wb: its handlers are gone before what they use
    // Every route as "METHOD PATTERN", in registration order: `patsub serve --list-routes`
    // prints it so that tests/e2e/serve_workbench.sh can check its route-by-role matrix
    // covers every route (a new route cannot skip the matrix).
    std::vector<std::string> route_list;

    explicit Impl(ServeOptions options) : wb(std::move(options)) { routes(); }

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

    using Page = void (*)(WorkbenchContext&, const Visit&, const httplib::Request&, httplib::Response&);

    PageHandler bound(Page page) {
        return [this, page](const Visit& v, const httplib::Request& req, httplib::Response& res) { page(wb, v, req, res); };
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
        const int threads = wb.options.threads;
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
        get("/login", pages::login_page);
        post("/login", [this](const httplib::Request& req, httplib::Response& res) { pages::log_in(wb, req, res); });
        get("/lang", [](const httplib::Request& req, httplib::Response& res) {
            const std::string to = req.get_param_value("to") == "en" ? "en" : "zh";
            std::string back = req.get_param_value("back");
            if (back.empty() || back[0] != '/' || back.rfind("//", 0) == 0 || back.find('\\') != std::string::npos) back = "/";
            res.set_header("Set-Cookie", fmt::format("{}={}; Path=/; SameSite=Strict", kLangCookie, to));
            res.set_redirect(back, 303);
        });
        // Every role may log out: a session and its CSRF token are all it needs.
        post("/logout", wb.guarded(std::nullopt, bound(pages::log_out)));
        get("/", wb.guarded(Permission::read, bound(pages::batches)));
        get(R"(/batch/(\d+))", wb.guarded(Permission::read, bound(pages::batch_page)));
        get(R"(/line/(\d+))", wb.guarded(Permission::read, bound(pages::line_page)));
        get(R"(/company/([0-9A-Za-z%]+))", wb.guarded(Permission::read, bound(pages::company_page)));
        get("/summary", wb.guarded(Permission::read, bound(pages::summary_page)));
        get("/check", wb.guarded(Permission::read, bound(pages::check_page)));
        post("/check", wb.guarded_upload(Permission::read, [this](const Visit& v, const httplib::Request& req,
                                                                  httplib::Response& res, const httplib::ContentReader& reader) {
                 pages::check_upload(wb, v, req, res, reader);
             }));
        get("/verify", wb.guarded(Permission::verify, bound(pages::verify_page)));
        get("/users", wb.guarded(Permission::manage_users, bound(pages::users_page)));
        post("/users", wb.guarded(Permission::manage_users, bound(pages::add_user)));
        post("/users/disable", wb.guarded(Permission::manage_users, bound(pages::disable_user)));
        post(R"(/line/(\d+)/hold)", wb.guarded(Permission::hold, bound(pages::hold)));
        post(R"(/line/(\d+)/release)", wb.guarded(Permission::hold, bound(pages::release)));
        post(R"(/line/(\d+)/annotate)", wb.guarded(Permission::annotate, bound(pages::annotate)));
        post(R"(/batch/(\d+)/reviewed)", wb.guarded(Permission::mark_reviewed, bound(pages::mark_reviewed)));
        post(R"(/batch/(\d+)/approve)", wb.guarded(Permission::approve, bound(pages::approve)));
        post(R"(/batch/(\d+)/publish)", wb.guarded(Permission::mark_reviewed, bound(pages::publish)));
        get(R"(/download/(\d+)/([^/]+))", wb.guarded(Permission::download, bound(pages::download)));
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
    const ServeOptions& o = impl_->wb.options;
    { const RequestLedger check(o.db); }
    if (!impl_->server.bind_to_port(o.host, o.port))
        throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use, or no permission)", o.host, o.port));
    impl_->server.listen_after_bind();
}

void Workbench::stop() { impl_->server.stop(); }

const std::vector<std::string>& Workbench::routes() const { return impl_->route_list; }

}  // namespace patsub::serve

// WorkbenchContext: what every workbench page shares, and nothing a single page owns —
// the settings and texts the server was started with, the request's own ledger
// connection, the person behind the session cookie, the permission and CSRF checks every
// route but login passes first, the batch lock taken for one action, and the small
// pieces of answering (a page, a refusal, a form's field, the flash after a redirect).
// The pages (src/serve/pages/) are free functions taking it; workbench.cpp registers them.
#pragma once

#include "classify/kind_table.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"
#include "model/actor.h"
#include "policy/policy.h"
#include "serve/access.h"
#include "serve/page_frame.h"
#include "serve/refusal.h"
#include "serve/serve_options.h"

#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace patsub::serve {

inline constexpr const char* kSessionCookie = "patsub_session";
inline constexpr const char* kLangCookie = "patsub_lang";

// One connection per request, closed when the request is answered: a long-lived
// connection kept a stale read snapshot (and uncommitted autocommit writes) after some
// requests, so that other processes never saw the workbench's events. Opening costs
// about a millisecond; its page cache is kept small so that twenty concurrent requests
// stay far inside the 100 MB bound (point 6).
class RequestLedger {
  public:
    explicit RequestLedger(const std::filesystem::path& db);
    ~RequestLedger();
    RequestLedger(const RequestLedger&) = delete;
    RequestLedger& operator=(const RequestLedger&) = delete;

    // The ledger of the request this thread is answering; throws std::logic_error outside one.
    static ledger::Ledger& current();

  private:
    ledger::Ledger ledger_;
};

using PageHandler = std::function<void(const Visit&, const httplib::Request&, httplib::Response&)>;
using UploadHandler =
    std::function<void(const Visit&, const httplib::Request&, httplib::Response&, const httplib::ContentReader&)>;

struct WorkbenchContext {
    ServeOptions options;
    exports::ReviewTexts texts;
    std::optional<Policy> policy;
    std::optional<KindTable> kinds;  // with the policy: the check page classifies as the nightly does
    std::filesystem::path anchor_fallback;
    std::mutex workbook_writer;  // one lines workbook written at a time (download)

    explicit WorkbenchContext(ServeOptions o);

    // The ledger of the request being answered (RequestLedger::current()).
    static ledger::Ledger& ledger() { return RequestLedger::current(); }

    std::string client_address(const httplib::Request& req) const;
    bool behind_tls(const httplib::Request& req) const;

    // The person behind the request's session cookie, when the session is open and fresh
    // and the account usable.
    std::optional<Visit> visit(const httplib::Request& req);

    // Every route but login and the assets: a session, the role's permission, and on a POST
    // the session's CSRF token (`csrf_in_form`: an upload carries it in its multipart body,
    // which the handler checks as it reads); then the handler, whose refusals change nothing.
    void answer(const httplib::Request& req, httplib::Response& res, std::optional<Permission> p, bool csrf_in_form,
                const std::function<void(const Visit&)>& h);
    httplib::Server::Handler guarded(std::optional<Permission> p, PageHandler h);
    // A POST whose body the handler reads as it arrives (an upload): the session and the
    // role are checked before a byte of it is read.
    httplib::Server::HandlerWithContentReader guarded_upload(Permission p, UploadHandler h);

    // Actions on a line or a batch: the batch lock for this one action only (a nightly run
    // holding it makes the action wait for the next try, LockHeld), the anchor log checked
    // before and written after. `f` writes and names the kind of event it anchored.
    void act(const std::function<std::string(ledger::Ledger&)>& f);
};

std::optional<std::int64_t> to_int(std::string_view s);
std::string cookie(const httplib::Request& req, std::string_view name);
Lang lang_of(const httplib::Request& req);

Actor actor(const Visit& v);

void html(httplib::Response& res, const std::string& body, int status = 200);
// The error page. `ledger_changed`: the action committed something before it failed (an
// approval whose sheet could not be written, an event whose anchor could not be), so the
// page must not say that nothing changed.
void refuse(httplib::Response& res, Lang lang, const Visit* v, const Refusal& r, bool ledger_changed = false);

// The number in the path's first group (a batch or a line); a 404 refusal otherwise.
std::int64_t id_in_path(const httplib::Request& req, Lang lang);
// A form field, refused (400) when missing, blank while required, or over 4000 bytes.
std::string form_text(const httplib::Request& req, const char* name, Lang lang, bool required = true);
// The message a redirect after an action carries in `done` (and `n`), "" for none.
std::string flash(const httplib::Request& req, Lang lang);

}  // namespace patsub::serve

// Login: the sign-in form, signing in (the password checked against its argon2id hash,
// the account locked after repeated failures, a fresh session token and CSRF secret in
// an HttpOnly cookie) and signing out. Signing in is the one action without a session.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /login.
void login_page(const httplib::Request& req, httplib::Response& res);
// POST /login: its own request ledger, since no session guards it.
void log_in(WorkbenchContext& wb, const httplib::Request& req, httplib::Response& res);
// POST /logout.
void log_out(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

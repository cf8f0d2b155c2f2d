// Users: the admin's page of people — every account with its role and state, adding an
// account (a role other than the scripts', a password of ten characters or more) and
// disabling one.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /users.
void users_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);
// POST /users, /users/disable.
void add_user(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);
void disable_user(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

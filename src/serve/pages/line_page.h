// LinePage: one payment line — its patent, payee, clause, amount and reason, the
// reasoning decide recorded, its notes — and the acts on it the page offers: hold it
// (with the reason), release the hold, add a note.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /line/<id>.
void line_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);
// POST /line/<id>/hold, /release, /annotate.
void hold(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);
void release(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);
void annotate(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

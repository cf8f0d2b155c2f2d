// Check: the workbench's "what would it earn" page (资助测算, issue 14 point 7) — the
// upload form, and the uploaded grant file read as the nightly reads it and answered
// under the policy in force on the bureau's today and the ledger's latest payee registry
// (serve/earnings_page.h writes the page). Nothing is written to the ledger.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /check.
void check_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);
// POST /check: the multipart upload, read by the handler as it arrives.
void check_upload(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader);

}  // namespace patsub::serve::pages

// Company: one payee by its credit code — its registered name, aliases and district —
// and its lines across every batch (the latest 500).
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /company/<uscc>.
void company_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

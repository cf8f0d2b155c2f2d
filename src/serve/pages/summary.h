// Summary: the payments between two dates by clause, district, month and status, each
// as a bar chart and its table.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /summary?from=&to=.
void summary_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

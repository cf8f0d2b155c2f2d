// BatchPage: one batch — its facts and totals by status, the buttons its stage and the
// person's role allow (and why a missing one is missing), its downloads, and its lines,
// filtered, searched, sorted and paged fifty at a time.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /batch/<id>.
void batch_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

// Batches: the workbench's first page — every batch, newest first, with its lines, its
// payable total, where it stands on the way to payment, its notice period and who
// reviewed, published and approved it.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /.
void batches(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

// BatchReview: a reviewer marks a batch reviewed (复核), the first of the two persons
// an approval needs; an approved batch takes no more reviews.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// POST /batch/<id>/reviewed.
void mark_reviewed(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

// Approval: an approver approves a batch (审批) — reviewed by someone else, its notice
// period over — which writes the treasury files and the approval sheet into OUT.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// POST /batch/<id>/approve.
void approve(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

// Notice: a reviewer publishes a reviewed batch's proposed payments for the public notice
// period (公示, policy.md reading 19), counted in the bureau's working days, into OUT as
// the notice files; approval waits until the period is over.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// POST /batch/<id>/publish.
void publish(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

// Verify: the ledger's invariants checked from the workbench as `patsub verify` checks
// them (the hash chain recomputed, the caps the policy's clauses set), each breach named;
// the run is recorded as the person's act.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /verify.
void verify_page(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

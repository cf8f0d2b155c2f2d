// Downloads: a batch's files, only those its stage offers (serve/batch_stage.h) — the
// lines workbook written for the request from the ledger as it is now, the notice,
// treasury and approval files from OUT — each hashed and recorded as it is sent.
#pragma once

#include "serve/workbench_context.h"

namespace patsub::serve::pages {

// GET /download/<batch>/<name>.
void download(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res);

}  // namespace patsub::serve::pages

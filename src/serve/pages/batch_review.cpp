#include "serve/pages/batch_review.h"

#include "ledger/workbench_store.h"
#include "model/clock.h"
#include "serve/batch_stage.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

void mark_reviewed(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = id_in_path(req, v.lang);
    wb.act([&](ledger::Ledger& l) {
        ledger::WorkbenchStore store(l);
        batch_before_approval(store, id, v.lang);
        store.mark_reviewed(id, actor(v), utc_instant(now()));
        return std::string("batch_review");
    });
    res.set_redirect(fmt::format("/batch/{}?done=done.reviewed&n={}", id, id), 303);
}

}  // namespace patsub::serve::pages

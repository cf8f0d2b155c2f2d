#include "serve/pages/approval.h"

#include "export/approval_sheet.h"
#include "export/treasury_handoff.h"
#include "ledger/people_store.h"
#include "ledger/workbench_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "notice/approval_gate.h"
#include "serve/batch_stage.h"

#include <fmt/format.h>

#include <filesystem>

namespace patsub::serve::pages {

void approve(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = id_in_path(req, v.lang);
    wb.act([&](ledger::Ledger& l) {
        ledger::WorkbenchStore store(l);
        const auto b = batch_before_approval(store, id, v.lang);
        if (b.reviewed_by.empty()) throw Refusal{409, t(v.lang, "why.not_reviewed")};
        if (store.reviewers_of(id).count(v.person.name)) throw Refusal{409, t(v.lang, "why.two_persons")};
        const auto instant = now();
        const auto gate = notice::approval_open(l, id, local_date(instant, wb.options.time_zone));
        if (!gate.open) throw Refusal{409, say(v.lang, "err.refused", gate.refusal)};
        std::filesystem::create_directories(wb.options.out);
        exports::approve_batch(l, id, v.person.name, wb.options.out, utc_instant(instant),
                               local_date(instant, wb.options.time_zone));
        // The sheet staff print, sign and file (审批表), as `patsub approve` writes it.
        exports::write_approval_sheet(l, id, wb.texts, wb.options.out);
        ledger::PeopleStore(l).record_act("workbench_act", fmt::format("approved batch {}", id), actor(v),
                                          utc_instant(now()));
        return std::string("approval");
    });
    res.set_redirect(fmt::format("/batch/{}?done=done.approved&n={}", id, id), 303);
}

}  // namespace patsub::serve::pages

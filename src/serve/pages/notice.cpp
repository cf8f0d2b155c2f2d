#include "serve/pages/notice.h"

#include "ledger/workbench_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "notice/public_notice.h"
#include "serve/batch_stage.h"

#include <fmt/format.h>

#include <filesystem>

namespace patsub::serve::pages {

// 公示: a reviewer publishes the reviewed batch's proposed payments for the notice period.
void publish(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t id = id_in_path(req, v.lang);
    if (!wb.policy) throw Refusal{500, esc("no policy file: the notice period cannot be counted")};
    wb.act([&](ledger::Ledger& l) {
        ledger::WorkbenchStore store(l);
        const auto b = batch_before_approval(store, id, v.lang);
        if (b.reviewed_by.empty()) throw Refusal{409, t(v.lang, "why.not_reviewed_publish")};
        if (wb.options.objection_channel.empty()) throw Refusal{409, t(v.lang, "why.no_objection_channel")};
        notice::NoticeSettings ns;
        ns.time_zone = wb.options.time_zone;
        if (!wb.options.holidays.empty()) ns.calendar = notice::WorkingCalendar::load(wb.options.holidays);
        ns.objection_channel = wb.options.objection_channel;
        ns.contacts = wb.options.contacts;
        if (!wb.options.publisher.empty()) ns.publisher = wb.options.publisher;
        ns.working_days = wb.policy->nearest(local_date(now(), wb.options.time_zone)).notice_working_days;
        std::filesystem::create_directories(wb.options.out);
        notice::publish_notice(l, id, actor(v), ns, *wb.policy, wb.options.out);
        return std::string("notice");
    });
    res.set_redirect(fmt::format("/batch/{}?done=done.published&n={}", id, id), 303);
}

}  // namespace patsub::serve::pages

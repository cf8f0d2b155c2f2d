#include "serve/pages/batches.h"

#include "ledger/notice_store.h"
#include "ledger/workbench_store.h"
#include "serve/batch_stage.h"

#include <fmt/format.h>

namespace patsub::serve::pages {

void batches(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    ledger::WorkbenchStore store(wb.ledger());
    std::string rows;
    for (auto id : store.batch_ids_newest_first()) {
        const auto b = store.overview(id);
        if (!b) continue;
        std::int64_t lines = 0;
        for (const auto& [s, tally] : b->by_status) lines += tally.lines;
        const auto payable = b->by_status.count("payable") ? b->by_status.at("payable") : ledger::StatusTally{};
        const auto notice = ledger::NoticeStore(wb.ledger()).publication(id);
        std::string who;
        for (const auto& r : b->reviewed_by) who += esc(r) + "<br>";
        if (notice) who += say(v.lang, "batch.published_by", notice->published_by, notice->published_at) + "<br>";
        if (!b->approved_by.empty()) who += esc(b->approved_by + " " + b->approved_at);
        const std::string period = notice ? esc(notice->first_day + " – " + notice->last_day) : "—";
        rows += fmt::format(R"(<tr><td><a href="/batch/{0}">{0}</a></td><td>{1}</td><td>{2}</td><td class="num">{3}</td>)"
                            R"(<td class="num">{4}</td><td>{5}</td><td>{6}</td><td>{7}</td></tr>)",
                            id, esc(b->started_at), esc(b->as_of), lines, yuan(payable.fen),
                            batch_state(v.lang, *b, notice, wb.options.time_zone), period, who);
    }
    html(res, page(v, msg(v.lang, "batches.title"),
                   fmt::format(R"({}<h1>{}</h1><table id="batches"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>)"
                               R"(<th>{}</th><th>{}</th><th>{}</th><th>{} / {}</th></tr>{}</table>)",
                               flash(req, v.lang), t(v, "batches.title"), t(v, "batch.title"), t(v, "batch.started"),
                               t(v, "batch.as_of"), t(v, "batch.lines"), t(v, "batch.payable_total"),
                               t(v, "batch.state"), t(v, "batch.notice_period"), t(v, "batch.reviewed_by"),
                               t(v, "batch.approved_by"), rows)));
}

}  // namespace patsub::serve::pages

#include "serve/batch_stage.h"

#include "export/approval_sheet.h"
#include "export/lines_workbook.h"
#include "ledger/review_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "model/date.h"
#include "serve/page_frame.h"
#include "serve/refusal.h"

#include <fmt/format.h>

#include <utility>

namespace patsub::serve {

std::string batch_state(Lang lang, const ledger::BatchOverview& b, const std::optional<ledger::NoticePublication>& notice,
                        const std::string& time_zone) {
    if (!b.approved_by.empty()) return t(lang, "batch.approved");
    if (notice) {
        const bool over = local_date(now(), time_zone) > *date_from_iso(notice->last_day);
        return say(lang, over ? "batch.notice_over" : "batch.in_notice", notice->last_day);
    }
    if (!b.reviewed_by.empty()) return t(lang, "batch.reviewed");
    return t(lang, "batch.open");
}

ledger::BatchOverview batch_before_approval(ledger::WorkbenchStore& store, std::int64_t id, Lang lang) {
    auto b = store.overview(id);
    if (!b) throw Refusal{404, t(lang, "batch.unknown")};
    if (!b->approved_by.empty()) throw Refusal{409, say(lang, "why.approved", b->approved_by, b->approved_at)};
    return std::move(*b);
}

std::vector<std::string> download_names(ledger::Ledger& l, std::int64_t batch) {
    std::vector<std::string> names{exports::lines_workbook_name(batch)};
    if (ledger::NoticeStore(l).publication(batch)) {
        names.push_back(fmt::format("notice-{}.html", batch));
        names.push_back(fmt::format("notice-{}.csv", batch));
    }
    if (ledger::ReviewStore(l).approval(batch)) {
        for (const auto* f : {"treasury-{}.csv", "treasury-{}.xlsx", "treasury-{}.csv.sha256", "treasury-{}.xlsx.sha256"})
            names.push_back(fmt::format(fmt::runtime(f), batch));
        names.push_back(exports::approval_sheet_name(batch));
    }
    return names;
}

std::string_view download_label(std::string_view name) {
    if (name.starts_with("lines-")) return "download.lines";
    if (name.starts_with("approval-sheet-")) return "download.approval_sheet";
    if (name.ends_with(".sha256")) return "download.sha256";
    if (name.starts_with("notice-")) return name.ends_with(".html") ? "download.notice_html" : "download.notice_csv";
    return name.ends_with(".xlsx") ? "download.treasury_xlsx" : "download.treasury_csv";
}

}  // namespace patsub::serve

// BatchStage: where a batch stands on the way to payment (open, reviewed, in its notice
// period, notice over, approved), whether an action may still change it, and what it
// offers for download at that stage — what the batch list, the batch page, its actions and
// the download route all ask, so that the page never offers a file the download route
// would refuse.
#pragma once

#include "ledger/ledger.h"
#include "ledger/notice_store.h"
#include "ledger/workbench_store.h"
#include "serve/messages.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::serve {

// The stage in the staff's words, escaped; the notice period ends on the bureau's today
// in `time_zone`.
std::string batch_state(Lang lang, const ledger::BatchOverview& b, const std::optional<ledger::NoticePublication>& notice,
                        const std::string& time_zone);

// The batch an action on it is about (marking it reviewed, publishing, approving), read
// from `store`: refused when there is no such batch (404) or it is approved already (409).
ledger::BatchOverview batch_before_approval(ledger::WorkbenchStore& store, std::int64_t id, Lang lang);

// What a batch offers for download at its stage (issue 13 point 5): its lines as a
// workbook at any time; the notice once published; the treasury files and the approval
// sheet once approved. Only these names are ever served, and only from OUT.
std::vector<std::string> download_names(ledger::Ledger& l, std::int64_t batch);

// What a download is, in the staff's words (a message key).
std::string_view download_label(std::string_view name);

}  // namespace patsub::serve

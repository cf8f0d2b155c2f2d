// PublicNotice: a reviewer publishes a batch's proposed payments (公示, issue 13 point 4,
// policy.md reading 19). The lines an approval would pay now are recorded as the notice's
// lines with the period counted on the bureau's calendar, in one ledger transaction with
// a chain event; then notice-<batch>.html (A4 as it is) and notice-<batch>.csv are written
// into the output folder (the folder approve writes the treasury files to). Publishing
// again records nothing and writes the same bytes from the ledger.
//
// The reviewed mark is the workbench's condition, not this one's: the workbench publishes
// only a batch marked reviewed (serve/pages/notice.cpp); `patsub notice publish` is the
// operator's and, as reading 19 asks nothing more, publishes without the mark.
#pragma once

#include "ledger/ledger.h"
#include "ledger/notice_store.h"
#include "model/actor.h"
#include "notice/notice_settings.h"
#include "policy/policy.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace patsub::notice {

struct PublishedNotice {
    bool newly_published = false;
    ledger::NoticePublication publication;
    std::vector<std::filesystem::path> written;    // created or replaced now
    std::vector<std::filesystem::path> unchanged;  // already there with the same bytes
};

std::string notice_html_name(std::int64_t batch_id);  // notice-<batch>.html
std::string notice_csv_name(std::int64_t batch_id);   // notice-<batch>.csv

// Throws ledger::ReviewRefused (no such batch, approved already, nothing proposed, no
// objection channel), CalendarError (the period reaches a year the holiday list lacks).
// The policy gives each clause's meaning in Chinese (the text of the version that decided
// the line).
PublishedNotice publish_notice(ledger::Ledger& ledger, std::int64_t batch_id, const Actor& by,
                               const NoticeSettings& settings, const Policy& policy,
                               const std::filesystem::path& out_dir);

}  // namespace patsub::notice

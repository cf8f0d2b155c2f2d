// The review page of one batch (`OUT/batch-<id>/review.html`): the short summary bureau
// staff read each morning before money moves (issue 13 point 5). Where the batch stands
// (notice period, objections, approval), lines and amounts by clause, status, district and
// reason (a bar chart of amounts by clause), the treasury rows the approval pays (or
// paid), the held lines with their reasons in Chinese and English, and where to see every
// line: the workbench (`patsub serve`) and the batch's ledger.csv. Bounded in size
// whatever the batch's size: at most max_listed treasury rows and held lines are named,
// the rest counted (a 4,394-line batch made a 9.9 MB page, a million lines 2.2 GB). One
// self-contained file without script: no network, no external style or font; every input
// value escaped.
#pragma once

#include "export/breakdown.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"
#include "ledger/notice_store.h"
#include "ledger/payee_store.h"
#include "ledger/review_store.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace patsub::exports {

// Treasury rows and held lines the page names one by one; the rest are counted.
inline constexpr std::size_t max_listed = 100;

struct ReviewLine {
    ledger::LedgerLine line;
    std::string district;                     // the payee's, from the registry; '' without payee
    std::optional<ledger::HoldEvent> staff;   // latest staff hold event, if any
};

// What the page says of a batch apart from its table of lines, which is streamed from
// the ledger as it is written (every line of a batch held at once would make memory
// grow with the number of Kunming grants in a run).
struct ReviewData {
    ledger::BatchInfo batch;
    std::optional<ledger::Approval> approval;
    Tally total;  // every line of the batch
    Breakdown by_clause, by_status, by_district;
    Breakdown by_reason;  // lines that are not payable, by reason code
    // Held and recovery lines, and lines staff hold (reasoning left out): the first
    // max_listed of them; attention_more counts the others.
    std::vector<ReviewLine> attention;
    std::size_t attention_more = 0;
    // The public notice (公示) of the batch, if published, and the objections to it.
    std::optional<ledger::NoticePublication> notice;
    std::size_t objections = 0;
    std::vector<ledger::TreasuryRow> treasury_rows;
    // Lines of earlier batches the treasury file carries (released from a staff hold).
    std::vector<ledger::LedgerLine> carried;
    std::optional<ledger::TreasuryRecord> treasury;
    std::string treasury_problem;  // why the rows could not be made (a payee without bank details)
    // Every recorded change of bank details of a payee the treasury rows pay (reading 14):
    // staff see a new account before they approve money into it.
    std::vector<ledger::BankChange> bank_changes;
};

// Throws ledger::ReviewRefused when the batch does not exist.
ReviewData gather_review(ledger::Ledger& ledger, std::int64_t batch_id);

// The page, written as it is made. Throws ledger::ReviewRefused when the batch does not
// exist.
void write_review_page(std::ostream& out, ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts);
std::string review_page(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts);

// The page into `file`, as `patsub run` and `patsub review` do.
void write_review_page(ledger::Ledger& ledger, std::int64_t batch_id, const std::filesystem::path& file,
                       const ReviewTexts& texts);

}  // namespace patsub::exports

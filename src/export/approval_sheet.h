// The approval sheet (审批表) of one batch: the page bureau staff print, sign and file
// before money moves (issue 13 point 5). On one A4 sheet: the batch, its notice period
// and objections, the payments by clause and by district (the payee's district in the
// registry), the payees and lines in total, the ledger's chain head (the approval's
// first event once approved, the chain as it stands before), and signature lines for
// 经办人 (the clerk who prepared it), 审核人 (the reviewer) and 负责人 (the head who
// signs). Before approval it shows what an approval would pay now; after, what the
// treasury file carried. Written by `patsub approve` as approval-sheet-<batch>.html;
// the workbench renders it on demand.
#pragma once

#include "export/review_texts.h"
#include "ledger/ledger.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace patsub::exports {

std::string approval_sheet_name(std::int64_t batch_id);  // approval-sheet-<batch>.html

// Throws ledger::ReviewRefused when the batch does not exist.
std::string approval_sheet_html(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts);

// Writes it as out_dir/approval-sheet-<batch>.html (whole or not at all); false when the
// file was there with the same bytes.
bool write_approval_sheet(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts,
                          const std::filesystem::path& out_dir);

}  // namespace patsub::exports

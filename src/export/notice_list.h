// The public-notice list (公示) of an approved batch: who is paid what for which patent
// under which clause, one row per line the batch's treasury file carried. As CSV
// (`notice-<batch>.csv`, spreadsheet-safe: headers in Chinese and English, clauses as 第8.6条,
// yuan with two decimals) and as a printable
// HTML page (`notice-<batch>.html`, A4 print style, every value escaped). Both depend
// only on the ledger, so writing them again gives the same bytes.
#pragma once

#include "ledger/ledger_line.h"
#include "ledger/review_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace patsub::exports {

std::string notice_csv(std::int64_t batch_id, const std::vector<ledger::LedgerLine>& exported);
// chain_head: "event S <hash>" of the approval (issue 18 point 2), printed at the foot so
// that the published notice itself anchors the ledger; empty for none.
std::string notice_html(const ledger::Approval& approval, const std::vector<ledger::LedgerLine>& exported,
                        const std::string& chain_head = "");

}  // namespace patsub::exports

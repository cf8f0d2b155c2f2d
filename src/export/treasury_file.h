// The treasury file of contract.md: `treasury-<batch>.csv`, one row per payee (amounts
// summed over that payee's exported lines), columns
// batch_id,payee_uscc,payee_name,bank_name,bank_account,amount_yuan,lines, then one
// control row `<batch>,TOTAL,<payee rows>,,,<total yuan>,<lines>`; UTF-8 with BOM, CRLF,
// formula cells neutralised. Nothing in it depends on when it is written, so writing
// it again gives the same bytes. Beside it `treasury-<batch>.csv.sha256`.
#pragma once

#include "ledger/ledger_line.h"
#include "ledger/payee_store.h"
#include "ledger/review_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace patsub::exports {

// Rows ordered by credit code; name and bank details from the payee registry as the
// ledger holds it. Throws ledger::ReviewRefused when a payee has no bank account there.
std::vector<ledger::TreasuryRow> treasury_rows(const std::vector<ledger::LedgerLine>& lines,
                                               ledger::PayeeStore& payees);

std::string treasury_file_name(std::int64_t batch_id);
std::string treasury_csv(std::int64_t batch_id, const std::vector<ledger::TreasuryRow>& rows);

// The sha256sum line for a file's bytes: "<hex>  <name>\n".
std::string sha256_line(const std::string& bytes, const std::string& file_name);

}  // namespace patsub::exports

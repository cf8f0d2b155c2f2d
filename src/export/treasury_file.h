// The treasury file of contract.md: `treasury-<batch>.csv`, one row per payee (amounts
// summed over that payee's exported lines), columns
// batch_id,payee_uscc,payee_name,bank_name,bank_account,amount_yuan,lines, then one
// control row `<batch>,TOTAL,<payee rows>,,,<total yuan>,<lines>`; UTF-8 with BOM, CRLF,
// formula cells neutralised, credit codes and bank accounts always quoted (strings to the
// treasury's reader, RFC 4180). Nothing in it depends on when it is written, so writing
// it again gives the same bytes. Beside it `treasury-<batch>.csv.sha256`.
#pragma once

#include "ledger/ledger_line.h"
#include "ledger/payee_store.h"
#include "ledger/review_store.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace patsub::exports {

// Sums lines into one row per payee as they stream by (a batch may carry tens of
// thousands of payable lines); name and bank details from the payee registry as the
// ledger holds it.
class TreasuryTally {
  public:
    explicit TreasuryTally(ledger::PayeeStore& payees) : payees_(payees) {}
    // Throws ledger::ReviewRefused when the line's payee has no bank account there.
    void add(const ledger::LedgerLine& line);
    std::int64_t lines() const { return lines_; }
    // Ordered by credit code.
    std::vector<ledger::TreasuryRow> rows() const;

  private:
    ledger::PayeeStore& payees_;
    std::map<std::string, ledger::TreasuryRow> by_payee_;
    std::int64_t lines_ = 0;
};

std::vector<ledger::TreasuryRow> treasury_rows(const std::vector<ledger::LedgerLine>& lines,
                                               ledger::PayeeStore& payees);

std::string treasury_file_name(std::int64_t batch_id);
std::string treasury_csv(std::int64_t batch_id, const std::vector<ledger::TreasuryRow>& rows);

// The sha256sum line for a file's bytes: "<hex>  <name>\n".
// chain_head, when given, follows as a '#' line (sha256sum -c skips it, even --strict):
// the ledger's head at approval travels with the file to the treasury.
std::string sha256_line(const std::string& bytes, const std::string& file_name, const std::string& chain_head = "");

}  // namespace patsub::exports

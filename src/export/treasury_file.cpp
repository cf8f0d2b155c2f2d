#include "export/treasury_file.h"

#include "export/spreadsheet_csv.h"
#include "model/money.h"
#include "model/sha256.h"

#include <fmt/format.h>

namespace patsub::exports {

void TreasuryTally::add(const ledger::LedgerLine& l) {
    auto [it, fresh] = by_payee_.try_emplace(l.payee_uscc);
    auto& row = it->second;
    if (fresh) {
        const auto p = payees_.current(l.payee_uscc);
        if (!p || p->bank_account.empty()) {
            by_payee_.erase(it);
            throw ledger::ReviewRefused(fmt::format(
                "payee {} ({}) of line {} has no bank account in the ledger's payee registry; run a batch "
                "with a registry snapshot that lists it, or hold the line (patsub hold), then approve",
                l.payee_uscc, l.payee_name, l.line_id));
        }
        row = ledger::TreasuryRow{p->uscc, p->name, p->bank_name, p->bank_account, 0, 0};
    }
    row.amount_fen += l.amount.fen;
    ++row.lines;
    ++lines_;
}

std::vector<ledger::TreasuryRow> TreasuryTally::rows() const {
    std::vector<ledger::TreasuryRow> out;
    for (const auto& [uscc, row] : by_payee_) out.push_back(row);
    return out;
}

std::vector<ledger::TreasuryRow> treasury_rows(const std::vector<ledger::LedgerLine>& lines,
                                               ledger::PayeeStore& payees) {
    TreasuryTally tally(payees);
    for (const auto& l : lines) tally.add(l);
    return tally.rows();
}

std::string treasury_file_name(std::int64_t batch_id) { return fmt::format("treasury-{}.csv", batch_id); }

std::string treasury_csv(std::int64_t batch_id, const std::vector<ledger::TreasuryRow>& rows) {
    // The treasury's program reads the contract's English header; the people who open a
    // batch's payments get treasury-<batch>.xlsx (treasury_workbook.h).
    std::string bytes(utf8_bom);
    bytes += spreadsheet_record({"batch_id", "payee_uscc", "payee_name", "bank_name", "bank_account", "amount_yuan",
                                 "lines"});
    const std::string batch = std::to_string(batch_id);
    std::int64_t total = 0, lines = 0;
    for (const auto& r : rows) {
        bytes += spreadsheet_record({batch, quoted_spreadsheet_cell(r.payee_uscc), spreadsheet_cell(r.payee_name),
                                     spreadsheet_cell(r.bank_name), quoted_spreadsheet_cell(r.bank_account),
                                     to_yuan(Money{r.amount_fen}), std::to_string(r.lines)});
        total += r.amount_fen;
        lines += r.lines;
    }
    bytes += spreadsheet_record({batch, "TOTAL", std::to_string(rows.size()), "", "", to_yuan(Money{total}),
                                 std::to_string(lines)});
    return bytes;
}

std::string sha256_line(const std::string& bytes, const std::string& file_name, const std::string& chain_head) {
    std::string text = sha256_hex(bytes) + "  " + file_name + "\n";
    if (!chain_head.empty()) text += "# patsub ledger chain head at approval: " + chain_head + "\n";
    return text;
}

}  // namespace patsub::exports

#include "ledger/treasury_audit.h"

#include "ledger/payee_store.h"
#include "ledger/review_store.h"
#include "model/money.h"
#include "model/sha256.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace patsub::ledger {

namespace {

struct Sum {
    std::int64_t fen = 0;
    std::int64_t lines = 0;
    bool operator==(const Sum&) const = default;
};

std::string yuan(std::int64_t fen) { return to_yuan(Money{fen}); }

void check_file(const TreasuryRecord& t, const std::string& head, Breaches& breaches) {
    const std::filesystem::path file(t.path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return;  // handed over and moved away: nothing to re-hash
    if (const std::string sha = sha256_file(file); sha != t.sha256)
        breaches.push_back(fmt::format("treasury file {} (batch {}) hashes to {}, approve recorded {}", t.path,
                                       t.batch_id, sha, t.sha256));
    const std::filesystem::path sum_file(t.path + ".sha256");
    if (std::filesystem::is_regular_file(sum_file, ec)) {
        std::ifstream in(sum_file, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // The file's line, then (from 008_chain) a '#' line with the approval's chain head.
        const std::string named = t.sha256 + "  " + t.file_name + "\n";
        if (text != named && text != named + "# patsub ledger chain head at approval: " + head + "\n")
            breaches.push_back(fmt::format("{} does not name the sha256 approve recorded for batch {}",
                                           sum_file.string(), t.batch_id));
    }
}

// Every exported row pays into the account the registry gave that payee when the batch
// was approved: a row that names another account was written from stale or tampered
// details (policy.md reading 14; bank changes are recorded in payee_bank_changes).
void check_accounts_in_force(Ledger& ledger, Breaches& breaches) {
    SQLite::Statement q(ledger.db(),
                        "SELECT t.batch_id, t.payee_uscc, t.bank_account, "
                        "(SELECT p.bank_account FROM payees p JOIN batches b ON b.batch_id = p.batch_id "
                        " WHERE p.uscc = t.payee_uscc AND b.started_at <= a.approved_at "
                        " ORDER BY p.payee_row DESC LIMIT 1) "
                        "FROM treasury_rows t JOIN approvals a ON a.batch_id = t.batch_id ORDER BY t.batch_id, t.seq");
    while (q.executeStep()) {
        const std::string sent = q.getColumn(2).getString();
        const std::string in_force = q.getColumn(3).isNull() ? std::string("none") : q.getColumn(3).getString();
        if (sent != in_force)
            breaches.push_back(fmt::format("treasury file of batch {}: payee {} was paid into account {}, but the "
                                           "account in force at approval was {}",
                                           q.getColumn(0).getInt64(), q.getColumn(1).getString(), sent, in_force));
    }
}

}  // namespace

std::string approval_head(Ledger& ledger, std::int64_t batch_id) {
    if (!has_table(ledger.db(), "chain_events")) return "";
    const auto sealed = ledger.chain().first("approval", std::to_string(batch_id));
    return sealed ? fmt::format("event {} {}", sealed->seq, sealed->hash) : std::string();
}

void check_treasury(Ledger& ledger, Breaches& breaches) {
    if (!has_table(ledger.db(), "treasury_files")) return;  // a ledger from before 002_review
    ReviewStore store(ledger);

    SQLite::Statement orphans(ledger.db(), "SELECT a.batch_id FROM approvals a LEFT JOIN treasury_files t "
                                           "USING (batch_id) WHERE t.batch_id IS NULL");
    while (orphans.executeStep())
        breaches.push_back(fmt::format("batch {} is approved but no treasury file was recorded",
                                       orphans.getColumn(0).getInt64()));
    SQLite::Statement wrong(ledger.db(), "SELECT e.line_id, l.status, l.amount_fen, e.batch_id FROM exported_lines e "
                                         "JOIN ledger_lines l USING (line_id) WHERE l.status <> 'payable' OR l.amount_fen <= 0");
    while (wrong.executeStep())
        breaches.push_back(fmt::format("line {} ({}, {} fen) was exported in the treasury file of batch {}",
                                       wrong.getColumn(0).getInt64(), wrong.getColumn(1).getString(),
                                       wrong.getColumn(2).getInt64(), wrong.getColumn(3).getInt64()));

    for (const auto& t : store.treasury_files()) {
        // What the ledger's exported lines add up to now, per payee and in total.
        std::map<std::string, Sum> ledger_by_payee;
        Sum ledger_total;
        SQLite::Statement q(ledger.db(), "SELECT l.payee_uscc, l.amount_fen FROM exported_lines e "
                                         "JOIN ledger_lines l USING (line_id) WHERE e.batch_id = ?");
        q.bind(1, t.batch_id);
        while (q.executeStep()) {
            const std::int64_t fen = q.getColumn(1).getInt64();
            auto& s = ledger_by_payee[q.getColumn(0).getString()];
            s.fen += fen;
            ++s.lines;
            ledger_total.fen += fen;
            ++ledger_total.lines;
        }
        // What the file says, row by row.
        std::map<std::string, Sum> file_by_payee;
        Sum file_total;
        std::int64_t rows = 0;
        for (const auto& r : store.treasury_rows(t.batch_id)) {
            auto& s = file_by_payee[r.payee_uscc];
            s.fen += r.amount_fen;
            s.lines += r.lines;
            file_total.fen += r.amount_fen;
            file_total.lines += r.lines;
            ++rows;
        }
        if (ledger_total != Sum{t.total_fen, t.lines})
            breaches.push_back(fmt::format("treasury file of batch {} records {} CNY over {} lines; its exported "
                                           "payable lines add up to {} CNY over {} lines",
                                           t.batch_id, yuan(t.total_fen), t.lines, yuan(ledger_total.fen),
                                           ledger_total.lines));
        if (file_total != Sum{t.total_fen, t.lines} || rows != t.rows)
            breaches.push_back(fmt::format("treasury file of batch {}: its {} rows add up to {} CNY over {} lines, "
                                           "its control row says {} rows, {} CNY, {} lines",
                                           t.batch_id, rows, yuan(file_total.fen), file_total.lines, t.rows,
                                           yuan(t.total_fen), t.lines));
        if (ledger_by_payee != file_by_payee)
            for (const auto& [uscc, s] : ledger_by_payee)
                if (auto it = file_by_payee.find(uscc); it == file_by_payee.end() || it->second != s)
                    breaches.push_back(fmt::format("treasury file of batch {}: payee {} is owed {} CNY over {} lines "
                                                   "by the ledger, the file pays {} CNY",
                                                   t.batch_id, uscc, yuan(s.fen), s.lines,
                                                   it == file_by_payee.end() ? yuan(0) : yuan(it->second.fen)));
        check_file(t, approval_head(ledger, t.batch_id), breaches);
        // The workbook beside it (007_treasury_workbook): the file, if still there, and the
        // bytes the ledger keeps to write it again must both hash to what approve recorded.
        if (const auto w = store.treasury_workbook(t.batch_id)) {
            if (sha256_hex(w->bytes) != w->sha256)
                breaches.push_back(fmt::format("treasury workbook of batch {}: the bytes the ledger keeps do not hash "
                                               "to the recorded {}", t.batch_id, w->sha256));
            const auto path = std::filesystem::path(t.path).parent_path() / w->file_name;
            check_file(TreasuryRecord{t.batch_id, w->file_name, path.string(), 0, 0, 0, w->sha256},
                       approval_head(ledger, t.batch_id), breaches);
        }
    }
    check_accounts_in_force(ledger, breaches);
}

}  // namespace patsub::ledger

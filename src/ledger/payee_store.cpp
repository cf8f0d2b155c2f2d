#include "ledger/payee_store.h"
#include "ledger/ledger.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

namespace patsub::ledger {

bool has_table(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?");
    q.bind(1, name);
    return q.executeStep();
}

PayeeStore::PayeeStore(Ledger& ledger) : db_(ledger.db()), available_(has_table(db_, "payees")) {}

int PayeeStore::record_snapshot(const std::string& registry_sha256, const std::string& registry_path,
                                const std::vector<Payee>& rows, std::int64_t batch_id) {
    SQLite::Statement q(db_, "INSERT OR IGNORE INTO payees (uscc, registry_sha256, name, aliases, district, "
                             "bank_name, bank_account, batch_id) VALUES (?,?,?,?,?,?,?,?)");
    SQLite::Statement known(db_, "SELECT 1 FROM payees WHERE uscc = ? AND registry_sha256 = ?");
    SQLite::Statement change(db_, "INSERT INTO payee_bank_changes (uscc, old_bank_name, old_bank_account, "
                                  "new_bank_name, new_bank_account, registry_sha256, registry_path, batch_id) "
                                  "VALUES (?,?,?,?,?,?,?,?)");
    int added = 0;
    for (const auto& p : rows) {
        known.reset();
        SQLite::bind(known, p.uscc, registry_sha256);
        if (known.executeStep()) continue;
        if (auto before = last_known(p.uscc);
            before && (before->bank_account != p.bank_account || before->bank_name != p.bank_name)) {
            change.reset();
            SQLite::bind(change, p.uscc, before->bank_name, before->bank_account, p.bank_name, p.bank_account,
                         registry_sha256, registry_path, batch_id);
            change.exec();
        }
        std::string aliases;
        for (const auto& a : p.aliases) aliases += (aliases.empty() ? "" : "|") + a;
        q.reset();
        q.bind(1, p.uscc);
        q.bind(2, registry_sha256);
        q.bind(3, p.name);
        q.bind(4, aliases);
        q.bind(5, p.district);
        q.bind(6, p.bank_name);
        q.bind(7, p.bank_account);
        q.bind(8, batch_id);
        added += q.exec();
    }
    return added;
}

namespace {

constexpr const char* payee_columns = "SELECT uscc, name, aliases, district, bank_name, bank_account ";

Payee read_payee(SQLite::Statement& q) {
    Payee p;
    p.uscc = q.getColumn(0).getString();
    p.name = q.getColumn(1).getString();
    const std::string aliases = q.getColumn(2).getString();
    for (std::size_t start = 0; !aliases.empty() && start <= aliases.size();) {
        const std::size_t bar = aliases.find('|', start);
        p.aliases.push_back(aliases.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    p.district = q.getColumn(3).getString();
    p.bank_name = q.getColumn(4).getString();
    p.bank_account = q.getColumn(5).getString();
    return p;
}

}  // namespace

std::optional<PayeeStore::Snapshot> PayeeStore::latest_snapshot() {
    if (!available_) return std::nullopt;
    // Source files are recorded once, by the run that first took them; BINARY collation
    // orders the names byte by byte.
    SQLite::Statement q(db_, "SELECT sha256, path FROM source_files WHERE list = 'payees' AND outcome = 'taken' "
                             "ORDER BY batch_id DESC, path DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return Snapshot{q.getColumn(0).getString(), q.getColumn(1).getString()};
}

std::vector<Payee> PayeeStore::snapshot_rows(const std::string& registry_sha256) {
    std::vector<Payee> out;
    if (!available_) return out;
    SQLite::Statement q(db_, std::string(payee_columns) + "FROM payees WHERE registry_sha256 = ? ORDER BY uscc");
    q.bind(1, registry_sha256);
    while (q.executeStep()) out.push_back(read_payee(q));
    return out;
}

std::optional<Payee> PayeeStore::current(const std::string& uscc) {
    const auto latest = latest_snapshot();
    if (!latest) return std::nullopt;
    SQLite::Statement q(db_, std::string(payee_columns) + "FROM payees WHERE uscc = ? AND registry_sha256 = ?");
    SQLite::bind(q, uscc, latest->sha256);
    if (!q.executeStep()) return std::nullopt;
    return read_payee(q);
}

std::optional<Payee> PayeeStore::last_known(const std::string& uscc) {
    if (!available_) return std::nullopt;
    SQLite::Statement q(db_, std::string(payee_columns) + "FROM current_payees WHERE uscc = ?");
    q.bind(1, uscc);
    if (!q.executeStep()) return std::nullopt;
    return read_payee(q);
}

namespace {

std::vector<BankChange> read_changes(SQLite::Statement& q) {
    std::vector<BankChange> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                       q.getColumn(6).getInt64(), q.getColumn(7).getString()});
    return out;
}

constexpr const char* bank_change_query =
    "SELECT c.uscc, c.old_bank_name, c.old_bank_account, c.new_bank_name, c.new_bank_account, c.registry_path, "
    "c.batch_id, b.started_at FROM payee_bank_changes c JOIN batches b USING (batch_id) ";

}  // namespace

std::vector<BankChange> PayeeStore::bank_changes(const std::string& uscc) {
    if (!has_table(db_, "payee_bank_changes")) return {};
    SQLite::Statement q(db_, std::string(bank_change_query) + "WHERE c.uscc = ? ORDER BY c.change_id");
    q.bind(1, uscc);
    return read_changes(q);
}

std::vector<BankChange> PayeeStore::all_bank_changes() {
    if (!has_table(db_, "payee_bank_changes")) return {};
    SQLite::Statement q(db_, std::string(bank_change_query) + "ORDER BY c.change_id");
    return read_changes(q);
}

std::map<std::string, std::string> PayeeStore::current_districts() {
    std::map<std::string, std::string> out;
    if (!available_) return out;
    SQLite::Statement q(db_, "SELECT uscc, district FROM current_payees");
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
    return out;
}

}  // namespace patsub::ledger

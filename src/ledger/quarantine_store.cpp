#include "ledger/quarantine_store.h"

#include "ledger/chain_contents.h"

#include <fmt/format.h>

#include <SQLiteCpp/VariadicBind.h>

namespace patsub::ledger {

namespace {

constexpr const char* waiting_sql =
    "SELECT f.sha256, f.path, f.reason, f.batch_id FROM source_files f WHERE f.outcome = 'quarantined' "
    "AND NOT EXISTS (SELECT 1 FROM quarantine_acknowledgements a WHERE a.sha256 = f.sha256)";

std::vector<QuarantinedFile> collect(SQLite::Statement& q) {
    std::vector<QuarantinedFile> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getInt64()});
    return out;
}

}  // namespace

std::vector<QuarantinedFile> unacknowledged_quarantines(Ledger& ledger) {
    SQLite::Statement q(ledger.db(), std::string(waiting_sql) + " ORDER BY f.batch_id, f.path");
    return collect(q);
}

std::vector<QuarantinedFile> acknowledge_quarantine(Ledger& ledger, const Acknowledgement& a) {
    auto tx = ledger.transaction();
    SQLite::Statement q(ledger.db(), std::string(waiting_sql) + " AND f.path = ? ORDER BY f.batch_id");
    q.bind(1, a.path);
    auto files = collect(q);
    for (const auto& f : files) {
        SQLite::Statement ins(ledger.db(), "INSERT INTO quarantine_acknowledgements (sha256, path, os_user, why, at) "
                                           "VALUES (?,?,?,?,?)");
        SQLite::bind(ins, f.sha256, a.path, a.os_user, a.why, a.at);
        ins.exec();
        const auto row = ledger.db().getLastInsertRowid();
        ledger.chain().append("acknowledge", std::to_string(row), acknowledgement_content(ledger.db(), row),
                              fmt::format("{} acknowledged {}: {}", a.os_user, a.path, a.why), a.at);
    }
    tx.commit();
    return files;
}

}  // namespace patsub::ledger

#include "ledger/reference_store.h"
#include "ledger/ledger.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

namespace patsub::ledger {

ReferenceStore::ReferenceStore(Ledger& ledger) : db_(ledger.db()), statements_(ledger.db()) {}

void ReferenceStore::add(const std::string& sha256, const std::vector<lists::DisputeRow>& rows) {
    SQLite::Statement q(db_, "INSERT INTO dispute_records (patent, patent_key, status, date, note, sha256, line) "
                             "VALUES (?,?,?,?,?,?,?)");
    for (const auto& r : rows) {
        q.reset();
        SQLite::bind(q, r.patent, r.patent_key, r.open ? "open" : "closed", to_iso(r.date), r.note, sha256,
                     static_cast<std::int64_t>(r.line));
        q.exec();
    }
}

void ReferenceStore::add(const std::string& sha256, const std::vector<lists::AbnormalRow>& rows) {
    SQLite::Statement q(db_, "INSERT INTO abnormal_records (application_number, notice, notice_date, sha256, line) "
                             "VALUES (?,?,?,?,?)");
    for (const auto& r : rows) {
        q.reset();
        SQLite::bind(q, r.application_number, r.notice, to_iso(r.notice_date), sha256, static_cast<std::int64_t>(r.line));
        q.exec();
    }
}

void ReferenceStore::add(const std::string& sha256, const std::vector<lists::EnterpriseRow>& rows,
                         std::int64_t batch_id) {
    SQLite::Statement q(db_, "INSERT INTO enterprise_recognitions (uscc, name, recognition, year, sha256, line, "
                             "first_batch) VALUES (?,?,?,?,?,?,?)");
    for (const auto& r : rows) {
        q.reset();
        SQLite::bind(q, r.uscc, r.name, r.recognition, r.year, sha256, static_cast<std::int64_t>(r.line), batch_id);
        q.exec();
    }
}

std::optional<DisputeStanding> ReferenceStore::latest_dispute(const std::vector<std::string>& keys) {
    std::optional<DisputeStanding> latest;
    std::string latest_order;
    for (const auto& key : keys) {
        auto lease = statements_.get("SELECT d.status, d.date, d.note, s.path, d.line, d.record_id "
                                     "FROM dispute_records d JOIN source_files s USING (sha256) WHERE d.patent_key = ?");
        SQLite::Statement& q = *lease;
        q.bind(1, key);
        while (q.executeStep()) {
            // Later date wins; on the same day, the record that arrived later.
            const auto order = fmt::format("{}#{:012}", q.getColumn(1).getString(), q.getColumn(5).getInt64());
            if (latest && order < latest_order) continue;
            latest_order = order;
            latest = DisputeStanding{q.getColumn(0).getString() == "open", *date_from_iso(q.getColumn(1).getString()),
                                     q.getColumn(2).getString(),
                                     fmt::format("{}:{}", q.getColumn(3).getString(), q.getColumn(4).getInt64())};
        }
    }
    return latest;
}

std::optional<AbnormalStanding> ReferenceStore::abnormal(const std::string& application_number) {
    auto lease = statements_.get("SELECT a.notice, a.notice_date, s.path, a.line FROM abnormal_records a "
                                 "JOIN source_files s USING (sha256) WHERE a.application_number = ? "
                                 "ORDER BY a.notice_date, a.record_id LIMIT 1");
    SQLite::Statement& q = *lease;
    q.bind(1, application_number);
    if (!q.executeStep()) return std::nullopt;
    return AbnormalStanding{q.getColumn(0).getString(), *date_from_iso(q.getColumn(1).getString()),
                            fmt::format("{}:{}", q.getColumn(2).getString(), q.getColumn(3).getInt64())};
}

std::vector<StoredRecognition> ReferenceStore::recognitions() {
    SQLite::Statement q(db_, "SELECT r.uscc, r.name, r.recognition, r.year, s.path, r.line, r.first_batch "
                             "FROM enterprise_recognitions r JOIN source_files s USING (sha256) ORDER BY r.record_id");
    std::vector<StoredRecognition> out;
    while (q.executeStep())
        out.push_back({Recognition{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                   q.getColumn(3).getInt(),
                                   fmt::format("{}:{}", q.getColumn(4).getString(), q.getColumn(5).getInt64())},
                       q.getColumn(6).getInt64()});
    return out;
}

}  // namespace patsub::ledger

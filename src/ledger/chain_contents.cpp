#include "ledger/chain_contents.h"

#include "model/sha256.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <initializer_list>

namespace patsub::ledger {

namespace {

// Every row the query returns, each column tagged with its storage class so that 1 and
// '1' differ, fields and rows separated by control characters no column holds unescaped.
void digest_rows(SQLite::Database& db, Sha256Stream& d, const char* label, const char* sql, std::int64_t id) {
    d.update(label);
    d.update("\x1d");
    SQLite::Statement q(db, sql);
    for (int i = 1; i <= q.getBindParameterCount(); ++i) q.bind(i, id);
    while (q.executeStep()) {
        for (int c = 0; c < q.getColumnCount(); ++c) {
            const SQLite::Column col = q.getColumn(c);
            if (col.isNull()) d.update("n");
            else if (col.isInteger()) d.update("i" + std::to_string(col.getInt64()));
            else if (col.isFloat()) d.update(fmt::format("r{}", col.getDouble()));
            else d.update("t" + col.getString());
            d.update("\x1f");
        }
        d.update("\x1e");
    }
}

struct Part {
    const char* label;
    const char* sql;
};

std::string digest(SQLite::Database& db, std::int64_t id, std::initializer_list<Part> parts) {
    Sha256Stream d;
    for (const auto& p : parts) digest_rows(db, d, p.label, p.sql, id);
    return d.hex();
}

}  // namespace

std::string batch_content(SQLite::Database& db, std::int64_t batch_id) {
    return digest(db, batch_id,
                  {{"batches", "SELECT * FROM batches WHERE batch_id = ?"},
                   {"source_files", "SELECT * FROM source_files WHERE batch_id = ? ORDER BY sha256"},
                   {"dispute_records", "SELECT r.* FROM source_files s JOIN dispute_records r ON r.sha256 = s.sha256 "
                                       "WHERE s.batch_id = ? ORDER BY r.record_id"},
                   {"abnormal_records", "SELECT r.* FROM source_files s JOIN abnormal_records r ON r.sha256 = s.sha256 "
                                        "WHERE s.batch_id = ? ORDER BY r.record_id"},
                   {"enterprise_recognitions", "SELECT * FROM enterprise_recognitions WHERE first_batch = ? "
                                               "ORDER BY record_id"},
                   {"payees", "SELECT * FROM payees WHERE batch_id = ? ORDER BY payee_row"},
                   {"payee_bank_changes", "SELECT * FROM payee_bank_changes WHERE batch_id = ? ORDER BY change_id"},
                   {"ledger_lines", "SELECT count(*), max(line_id) FROM ledger_lines WHERE batch_id = ?"},
                   {"last_line", "SELECT line_id, hash FROM ledger_lines WHERE batch_id = ? "
                                 "ORDER BY line_id DESC LIMIT 1"}});
}

std::string approval_content(SQLite::Database& db, std::int64_t batch_id) {
    return digest(db, batch_id,
                  {{"approvals", "SELECT * FROM approvals WHERE batch_id = ?"},
                   {"treasury_files", "SELECT * FROM treasury_files WHERE batch_id = ?"},
                   {"treasury_rows", "SELECT * FROM treasury_rows WHERE batch_id = ? ORDER BY seq"},
                   {"exported_lines", "SELECT * FROM exported_lines WHERE batch_id = ? ORDER BY line_id"},
                   {"treasury_workbooks", "SELECT * FROM treasury_workbooks WHERE batch_id = ?"}});
}

std::string origin_content(SQLite::Database& db, std::int64_t rowid) {
    return digest(db, rowid, {{"ledger_origin", "SELECT * FROM ledger_origin WHERE rowid = ?"}});
}

std::string acknowledgement_content(SQLite::Database& db, std::int64_t rowid) {
    return digest(db, rowid,
                  {{"quarantine_acknowledgements", "SELECT * FROM quarantine_acknowledgements WHERE rowid = ?"}});
}

std::string notice_content(SQLite::Database& db, std::int64_t batch_id) {
    return digest(db, batch_id,
                  {{"notice_publications", "SELECT * FROM notice_publications WHERE batch_id = ?"},
                   {"notice_lines", "SELECT * FROM notice_lines WHERE batch_id = ? ORDER BY line_id"}});
}

std::string objection_content(SQLite::Database& db, std::int64_t objection_id) {
    return digest(db, objection_id, {{"objections", "SELECT * FROM objections WHERE objection_id = ?"}});
}

std::string staff_hold_content(SQLite::Database& db, std::int64_t event_id) {
    return digest(db, event_id, {{"staff_holds", "SELECT * FROM staff_holds WHERE event_id = ?"}});
}

std::string batch_review_content(SQLite::Database& db, std::int64_t review_id) {
    return digest(db, review_id, {{"batch_reviews", "SELECT * FROM batch_reviews WHERE review_id = ?"}});
}

std::string annotation_content(SQLite::Database& db, std::int64_t annotation_id) {
    return digest(db, annotation_id, {{"line_annotations", "SELECT * FROM line_annotations WHERE annotation_id = ?"}});
}

}  // namespace patsub::ledger

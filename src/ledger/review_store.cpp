#include "ledger/review_store.h"

#include "ledger/chain_contents.h"
#include "ledger/payee_store.h"
#include "model/clock.h"

#include <SQLiteCpp/VariadicBind.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>

namespace patsub::ledger {

namespace {

// A name or reason of spaces only says nothing: refused like an empty one.
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::string utc_timestamp() { return utc_instant(now()); }

ReviewStore::ReviewStore(Ledger& ledger)
    : ledger_(ledger), db_(ledger.db()), available_(has_table(ledger.db(), "approvals")) {}

std::optional<BatchInfo> ReviewStore::batch(std::int64_t batch_id) {
    SQLite::Statement q(db_, "SELECT started_at, as_of, inbox, policy_file, policy_sha256, patsub_version "
                             "FROM batches WHERE batch_id = ?");
    q.bind(1, batch_id);
    if (!q.executeStep()) return std::nullopt;
    return BatchInfo{batch_id, BatchRecord{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                                           q.getColumn(4).getString(), q.getColumn(5).getString()}};
}

std::optional<Approval> ReviewStore::approval(std::int64_t batch_id) {
    if (!available_) return std::nullopt;
    SQLite::Statement q(db_, "SELECT approved_by, approved_at FROM approvals WHERE batch_id = ?");
    q.bind(1, batch_id);
    if (!q.executeStep()) return std::nullopt;
    return Approval{batch_id, q.getColumn(0).getString(), q.getColumn(1).getString()};
}

std::optional<HoldEvent> ReviewStore::latest_event(std::int64_t line_id) {
    if (!available_) return std::nullopt;
    SQLite::Statement q(db_, "SELECT event_id, action, by_name, at, why FROM staff_holds WHERE line_id = ? "
                             "ORDER BY event_id DESC LIMIT 1");
    q.bind(1, line_id);
    if (!q.executeStep()) return std::nullopt;
    return HoldEvent{q.getColumn(0).getInt64(), line_id, q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getString()};
}

HoldEvent ReviewStore::add_event(const HoldEvent& e) {
    SQLite::Statement q(db_, "INSERT INTO staff_holds (line_id, action, by_name, at, why) VALUES (?,?,?,?,?)");
    q.bind(1, e.line_id);
    q.bind(2, e.action);
    q.bind(3, e.by);
    q.bind(4, e.at);
    q.bind(5, e.why);
    q.exec();
    HoldEvent stored = e;
    stored.event_id = db_.getLastInsertRowid();
    ledger_.chain().append("staff_hold", std::to_string(stored.event_id), staff_hold_content(db_, stored.event_id),
                           "", stored.at);
    return stored;
}

HoldEvent ReviewStore::hold(std::int64_t line_id, const std::string& by, const std::string& why,
                            const std::string& at) {
    if (blank(by)) throw ReviewRefused("a hold needs the name of the person placing it (--by)");
    if (blank(why)) throw ReviewRefused("a hold needs a reason (--why)");
    auto tx = ledger_.transaction();
    SQLite::Statement q(db_, "SELECT status, batch_id FROM ledger_lines WHERE line_id = ?");
    q.bind(1, line_id);
    if (!q.executeStep()) throw ReviewRefused(fmt::format("there is no ledger line {}", line_id));
    const std::string status = q.getColumn(0).getString();
    const std::int64_t batch_id = q.getColumn(1).getInt64();
    if (line_status_from(status) != LineStatus::payable)
        throw ReviewRefused(fmt::format("line {} is {}, not payable: only a payable line can be held", line_id, status));
    if (auto a = approval(batch_id))
        throw ReviewRefused(fmt::format("line {} belongs to batch {}, approved by {} at {}: a line can be held only "
                                        "before its batch is approved", line_id, batch_id, a->by, a->at));
    if (auto e = latest_event(line_id); e && e->action == "hold")
        throw ReviewRefused(fmt::format("line {} is already held by {} since {} ({})", line_id, e->by, e->at, e->why));
    HoldEvent stored = add_event(HoldEvent{0, line_id, "hold", by, at, why});
    tx.commit();
    return stored;
}

HoldEvent ReviewStore::place_hold(std::int64_t line_id, const std::string& by, const std::string& why,
                                  const std::string& at) {
    if (blank(by) || blank(why)) throw ReviewRefused("a hold needs a person and a reason");
    return add_event(HoldEvent{0, line_id, "hold", by, at, why});
}

bool ReviewStore::held(std::int64_t line_id) {
    auto e = latest_event(line_id);
    return e && e->action == "hold";
}

HoldEvent ReviewStore::release(std::int64_t line_id, const std::string& by, const std::string& at) {
    if (blank(by)) throw ReviewRefused("a release needs the name of the person releasing (--by)");
    auto tx = ledger_.transaction();
    auto e = latest_event(line_id);
    if (!e || e->action != "hold") throw ReviewRefused(fmt::format("line {} is not held by staff", line_id));
    HoldEvent stored = add_event(HoldEvent{0, line_id, "release", by, at, ""});
    tx.commit();
    return stored;
}

std::map<std::int64_t, HoldEvent> ReviewStore::hold_states(std::int64_t lines_of_batch) {
    std::map<std::int64_t, HoldEvent> out;
    if (!available_) return out;
    // From the batch's lines (ledger_lines_batch, staff_holds_line): the page of one
    // batch does not read every hold the bureau ever made.
    SQLite::Statement q(db_, "SELECT h.event_id, h.line_id, h.action, h.by_name, h.at, h.why FROM ledger_lines l "
                             "JOIN staff_holds h ON h.line_id = l.line_id WHERE l.batch_id = ? ORDER BY h.event_id");
    q.bind(1, lines_of_batch);
    while (q.executeStep()) {
        HoldEvent e{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()};
        out[e.line_id] = e;
    }
    return out;
}

std::map<std::int64_t, std::int64_t> ReviewStore::exported_batches(std::int64_t lines_of_batch) {
    std::map<std::int64_t, std::int64_t> out;
    if (!available_) return out;
    SQLite::Statement q(db_, "SELECT e.line_id, e.batch_id FROM exported_lines e JOIN ledger_lines l USING (line_id) "
                             "WHERE l.batch_id = ?");
    q.bind(1, lines_of_batch);
    while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
    return out;
}

namespace {

// The payable lines the treasury file of :batch carries (export_candidates in the header),
// as a condition on `ledger_lines l`: one text for reading them and for recording them
// exported, so that the file and the record of what it carried cannot differ.
std::string export_candidate_condition(SQLite::Database& db) {
    return "l.status = 'payable' "
           "AND (l.batch_id = :batch OR l.batch_id IN (SELECT batch_id FROM approvals)) "
           "AND l.line_id NOT IN (SELECT line_id FROM exported_lines) "
           "AND COALESCE((SELECT h.action FROM staff_holds h WHERE h.line_id = l.line_id "
           "              ORDER BY h.event_id DESC LIMIT 1), 'release') <> 'hold' "
           "AND NOT EXISTS (SELECT 1 FROM ledger_lines r WHERE r.status = 'recovery' AND l.grant_id <> '' "
           "                AND r.grant_id = l.grant_id AND r.clause = l.clause AND r.line_id > l.line_id) "
           "AND NOT EXISTS (SELECT 1 FROM ledger_lines h WHERE h.event_key <> '' AND h.event_key = 'left|' || l.event_key) " +
           std::string(has_table(db, "notice_publications")
                           ? "AND (NOT EXISTS (SELECT 1 FROM notice_publications p WHERE p.batch_id = :batch) "
                             "     OR l.line_id IN (SELECT n.line_id FROM notice_lines n WHERE n.batch_id = :batch)) "
                           : "");
}

}  // namespace

void ReviewStore::for_each_export_candidate(std::int64_t batch_id, const std::function<void(LedgerLine&&)>& visit) {
    if (!available_) {
        // No review tables yet: nothing was ever held or exported or approved.
        ledger_.for_each_line_where(
            "l.batch_id = :batch AND l.status = 'payable'", [&](SQLite::Statement& q) { q.bind(":batch", batch_id); },
            visit);
        return;
    }
    // One batch at a time, in batch order: within a batch the index on (batch, status,
    // line) gives the lines in line order, where one query over all of them sorted them
    // first (SQLite's sorter holds up to the page cache of them, 16 MB at 100,000
    // lines). Line ids grow with batch ids, so the visit is in line order.
    std::vector<std::int64_t> batches;
    {
        SQLite::Statement q(db_, "SELECT :batch UNION SELECT batch_id FROM approvals ORDER BY 1");
        q.bind(":batch", batch_id);
        while (q.executeStep()) batches.push_back(q.getColumn(0).getInt64());
    }
    const std::string condition = export_candidate_condition(db_) + " AND l.batch_id = :lines_of";
    for (std::int64_t b : batches)
        ledger_.for_each_line_where(condition, [&](SQLite::Statement& q) {
            q.bind(":batch", batch_id);
            q.bind(":lines_of", b);
        }, visit);
}

std::vector<LedgerLine> ReviewStore::export_candidates(std::int64_t batch_id) {
    std::vector<LedgerLine> out;
    for_each_export_candidate(batch_id, [&](LedgerLine&& l) { out.push_back(std::move(l)); });
    return out;
}

void ReviewStore::for_each_exported_line(std::int64_t batch_id, const std::function<void(LedgerLine&&)>& visit) {
    if (!available_) return;
    ledger_.for_each_line_where("l.line_id IN (SELECT e.line_id FROM exported_lines e WHERE e.batch_id = :batch)",
                                [&](SQLite::Statement& q) { q.bind(":batch", batch_id); }, visit);
}

std::vector<LedgerLine> ReviewStore::exported_lines(std::int64_t batch_id) {
    std::vector<LedgerLine> out;
    for_each_exported_line(batch_id, [&](LedgerLine&& l) { out.push_back(std::move(l)); });
    return out;
}

void ReviewStore::record_approval(const Approval& a, const TreasuryRecord& file, const std::vector<TreasuryRow>& rows) {
    SQLite::Statement ins(db_, "INSERT INTO approvals (batch_id, approved_by, approved_at) VALUES (?,?,?)");
    SQLite::bind(ins, a.batch_id, a.by, a.at);
    ins.exec();
    // What the file carries, recorded from the same query that chose its lines (the
    // approval now in `approvals` adds nothing: the batch's own lines were in already;
    // SQLite reads the whole SELECT before inserting into the table it reads). Inside the
    // caller's transaction, so nothing changed since it tallied.
    SQLite::Statement e(db_, "INSERT INTO exported_lines (line_id, batch_id) SELECT l.line_id, :batch FROM ledger_lines l "
                             "WHERE " + export_candidate_condition(db_));
    e.bind(":batch", a.batch_id);
    const int exported = e.exec();
    if (exported != file.lines)
        throw std::logic_error(fmt::format("batch {}: {} lines recorded exported, but the treasury file carries {}",
                                           a.batch_id, exported, file.lines));
    SQLite::Statement f(db_, "INSERT INTO treasury_files (batch_id, file_name, path, rows, lines, total_fen, sha256) "
                             "VALUES (?,?,?,?,?,?,?)");
    SQLite::bind(f, file.batch_id, file.file_name, file.path, file.rows, file.lines, file.total_fen, file.sha256);
    f.exec();
    SQLite::Statement r(db_, "INSERT INTO treasury_rows (batch_id, seq, payee_uscc, payee_name, bank_name, "
                             "bank_account, amount_fen, lines) VALUES (?,?,?,?,?,?,?,?)");
    int seq = 0;
    for (const auto& row : rows) {
        r.reset();
        SQLite::bind(r, file.batch_id, ++seq, row.payee_uscc, row.payee_name, row.bank_name, row.bank_account,
                     row.amount_fen, row.lines);
        r.exec();
    }
    ledger_.chain().append("approval", std::to_string(a.batch_id), approval_content(db_, a.batch_id), "", a.at);
}

namespace {

TreasuryRecord read_record(SQLite::Statement& q) {
    return TreasuryRecord{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                          q.getColumn(3).getInt64(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64(),
                          q.getColumn(6).getString()};
}

constexpr const char* record_columns = "batch_id, file_name, path, rows, lines, total_fen, sha256";

}  // namespace

std::optional<TreasuryRecord> ReviewStore::treasury_file(std::int64_t batch_id) {
    if (!available_) return std::nullopt;
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM treasury_files WHERE batch_id = ?", record_columns));
    q.bind(1, batch_id);
    if (!q.executeStep()) return std::nullopt;
    return read_record(q);
}

std::vector<TreasuryRecord> ReviewStore::treasury_files() {
    std::vector<TreasuryRecord> out;
    if (!available_) return out;
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM treasury_files ORDER BY batch_id", record_columns));
    while (q.executeStep()) out.push_back(read_record(q));
    return out;
}

std::vector<TreasuryRow> ReviewStore::treasury_rows(std::int64_t batch_id) {
    std::vector<TreasuryRow> out;
    if (!available_) return out;
    SQLite::Statement q(db_, "SELECT payee_uscc, payee_name, bank_name, bank_account, amount_fen, lines "
                             "FROM treasury_rows WHERE batch_id = ? ORDER BY seq");
    q.bind(1, batch_id);
    while (q.executeStep())
        out.push_back(TreasuryRow{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                  q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()});
    return out;
}

void ReviewStore::record_workbook(const TreasuryWorkbook& w) {
    SQLite::Statement ins(db_, "INSERT INTO treasury_workbooks (batch_id, file_name, sha256, bytes) VALUES (?,?,?,?)");
    SQLite::bind(ins, w.batch_id, w.file_name, w.sha256);
    ins.bind(4, w.bytes.data(), static_cast<int>(w.bytes.size()));
    ins.exec();
    // The approval's content now includes its workbook: the chain vouches for it anew.
    ledger_.chain().append("approval", std::to_string(w.batch_id), approval_content(db_, w.batch_id),
                           "treasury workbook recorded", utc_timestamp());
}

std::optional<TreasuryWorkbook> ReviewStore::treasury_workbook(std::int64_t batch_id, bool with_bytes) {
    if (!has_table(db_, "treasury_workbooks")) return std::nullopt;
    SQLite::Statement q(db_, with_bytes ? "SELECT file_name, sha256, bytes FROM treasury_workbooks WHERE batch_id = ?"
                                        : "SELECT file_name, sha256, '' FROM treasury_workbooks WHERE batch_id = ?");
    q.bind(1, batch_id);
    if (!q.executeStep()) return std::nullopt;
    const auto blob = q.getColumn(2);
    return TreasuryWorkbook{batch_id, q.getColumn(0).getString(), q.getColumn(1).getString(),
                            std::string(static_cast<const char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes()))};
}

}  // namespace patsub::ledger

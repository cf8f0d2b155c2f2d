#include "ledger/workbench_store.h"

#include "ledger/chain_contents.h"
#include "ledger/payee_store.h"
#include "ledger/people_store.h"

#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

namespace patsub::ledger {

namespace {

// The staff hold in force on a line: its latest event, when that is a hold.
constexpr const char* row_columns =
    "l.line_id, l.batch_id, l.grant_id, l.payee_uscc, l.payee_name, l.clause, l.status, l.amount_fen, l.reason, "
    "COALESCE(h.by_name, ''), COALESCE(h.why, '')";
constexpr const char* hold_join =
    " LEFT JOIN staff_holds h ON h.event_id = (SELECT MAX(event_id) FROM staff_holds x WHERE x.line_id = l.line_id) "
    "AND h.action = 'hold'";

LineRow read_row(SQLite::Statement& q) {
    return LineRow{q.getColumn(0).getInt64(),  q.getColumn(1).getInt64(),  q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(7).getInt64(),  q.getColumn(8).getString(),
                   q.getColumn(9).getString(), q.getColumn(10).getString()};
}

std::string placeholders(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}

const char* order_sql(LineOrder o) {
    switch (o) {
    case LineOrder::amount_desc: return " ORDER BY l.amount_fen DESC, l.line_id";
    case LineOrder::amount_asc: return " ORDER BY l.amount_fen, l.line_id";
    case LineOrder::clause: return " ORDER BY l.clause, l.line_id";
    case LineOrder::status: return " ORDER BY l.status, l.line_id";
    case LineOrder::line: break;
    }
    return " ORDER BY l.line_id";
}

}  // namespace

WorkbenchStore::WorkbenchStore(Ledger& ledger) : ledger_(ledger), db_(ledger.db()) {}

std::vector<std::int64_t> WorkbenchStore::batch_ids_newest_first() {
    std::vector<std::int64_t> out;
    SQLite::Statement q(db_, "SELECT batch_id FROM batches ORDER BY batch_id DESC");
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::optional<BatchOverview> WorkbenchStore::overview(std::int64_t batch_id) {
    SQLite::Statement b(db_, "SELECT started_at, as_of FROM batches WHERE batch_id = ?");
    b.bind(1, batch_id);
    if (!b.executeStep()) return std::nullopt;
    BatchOverview o{batch_id, b.getColumn(0).getString(), b.getColumn(1).getString(), {}, "", "", {}};
    SQLite::Statement s(db_, "SELECT status, count(*), COALESCE(sum(amount_fen), 0) FROM ledger_lines "
                             "WHERE batch_id = ? GROUP BY status");
    s.bind(1, batch_id);
    while (s.executeStep()) o.by_status[s.getColumn(0).getString()] = {s.getColumn(1).getInt64(), s.getColumn(2).getInt64()};
    SQLite::Statement a(db_, "SELECT approved_by, approved_at FROM approvals WHERE batch_id = ?");
    a.bind(1, batch_id);
    if (a.executeStep()) {
        o.approved_by = a.getColumn(0).getString();
        o.approved_at = a.getColumn(1).getString();
    }
    SQLite::Statement r(db_, "SELECT by_name, at FROM batch_reviews WHERE batch_id = ? ORDER BY review_id");
    r.bind(1, batch_id);
    while (r.executeStep()) o.reviewed_by.push_back(r.getColumn(0).getString() + " " + r.getColumn(1).getString());
    return o;
}

std::string WorkbenchStore::where(const LineQuery& q) const {
    std::string w = " WHERE l.batch_id = ?";
    if (!q.status.empty()) w += " AND l.status = ?";
    if (!q.clause.empty()) w += " AND l.clause = ?";
    if (!q.reason.empty()) w += " AND l.reason = ?";
    if (!q.district.empty()) w += " AND l.payee_uscc IN (SELECT uscc FROM current_payees WHERE district = ?)";
    if (q.text_given) {
        w += fmt::format(" AND (l.grant_id IN ({}) OR l.payee_uscc IN ({}))", placeholders(q.grant_ids.size()),
                         placeholders(q.usccs.size()));
    }
    return w;
}

void WorkbenchStore::bind(SQLite::Statement& s, const LineQuery& q) const {
    int i = 1;
    s.bind(i++, q.batch_id);
    for (const std::string* v : {&q.status, &q.clause, &q.reason, &q.district})
        if (!v->empty()) s.bind(i++, *v);
    if (q.text_given) {
        for (const auto& g : q.grant_ids) s.bind(i++, g);
        for (const auto& u : q.usccs) s.bind(i++, u);
    }
}

std::vector<LineRow> WorkbenchStore::lines(const LineQuery& q) {
    std::vector<LineRow> out;
    if (q.text_given && q.grant_ids.empty() && q.usccs.empty()) return out;
    SQLite::Statement s(db_, fmt::format("SELECT {} FROM ledger_lines l{}{}{} LIMIT ? OFFSET ?", row_columns, hold_join,
                                         where(q), order_sql(q.order)));
    bind(s, q);
    const int n = s.getBindParameterCount();
    s.bind(n - 1, q.limit);
    s.bind(n, q.offset);
    while (s.executeStep()) out.push_back(read_row(s));
    return out;
}

std::int64_t WorkbenchStore::count(const LineQuery& q) {
    if (q.text_given && q.grant_ids.empty() && q.usccs.empty()) return 0;
    SQLite::Statement s(db_, "SELECT count(*) FROM ledger_lines l" + where(q));
    bind(s, q);
    s.executeStep();
    return s.getColumn(0).getInt64();
}

std::vector<std::string> WorkbenchStore::clauses(std::int64_t batch_id) {
    std::vector<std::string> out;
    SQLite::Statement q(db_, "SELECT DISTINCT clause FROM ledger_lines WHERE batch_id = ? AND clause <> '' ORDER BY clause");
    q.bind(1, batch_id);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<std::string> WorkbenchStore::reasons(std::int64_t batch_id) {
    std::vector<std::string> out;
    SQLite::Statement q(db_, "SELECT DISTINCT reason FROM ledger_lines WHERE batch_id = ? AND reason <> '' ORDER BY reason");
    q.bind(1, batch_id);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::optional<LineDetail> WorkbenchStore::line(std::int64_t line_id) {
    SQLite::Statement q(db_, fmt::format("SELECT {}, l.office, l.kind, l.patent_type, l.jurisdiction, l.family, "
                                         "l.policy_version, l.reasoning, l.created_at, l.hash, COALESCE(g.title, ''), "
                                         "COALESCE(g.application_number, '') FROM ledger_lines l{} "
                                         "LEFT JOIN grants g ON g.grant_id = l.grant_id AND l.grant_id <> '' "
                                         "WHERE l.line_id = ?",
                                         row_columns, hold_join));
    q.bind(1, line_id);
    if (!q.executeStep()) return std::nullopt;
    LineDetail d;
    d.row = read_row(q);
    int c = 11;
    for (std::string* f : {&d.office, &d.kind, &d.patent_type, &d.jurisdiction, &d.family, &d.policy_version,
                           &d.reasoning, &d.created_at, &d.hash, &d.title, &d.application_number})
        *f = q.getColumn(c++).getString();
    return d;
}

std::vector<Annotation> WorkbenchStore::annotations(std::int64_t line_id) {
    std::vector<Annotation> out;
    SQLite::Statement q(db_, "SELECT annotation_id, line_id, by_name, at, text FROM line_annotations WHERE line_id = ? "
                             "ORDER BY annotation_id");
    q.bind(1, line_id);
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString()});
    return out;
}

std::vector<LineRow> WorkbenchStore::company_lines(const std::string& uscc, std::int64_t limit) {
    std::vector<LineRow> out;
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM ledger_lines l{} WHERE l.payee_uscc = ? "
                                         "ORDER BY l.line_id DESC LIMIT ?",
                                         row_columns, hold_join));
    SQLite::bind(q, uscc, limit);
    while (q.executeStep()) out.push_back(read_row(q));
    return out;
}

std::vector<std::string> WorkbenchStore::companies_named(const std::string& text, int limit) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    SQLite::Statement q(db_, "SELECT uscc FROM current_payees WHERE instr(name, ?) > 0 OR instr(aliases, ?) > 0 "
                             "ORDER BY uscc LIMIT ?");
    SQLite::bind(q, text, text, limit);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::optional<WorkbenchStore::Company> WorkbenchStore::company(const std::string& uscc) {
    SQLite::Statement q(db_, "SELECT uscc, name, aliases, district FROM current_payees WHERE uscc = ?");
    q.bind(1, uscc);
    if (q.executeStep())
        return Company{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString()};
    SQLite::Statement l(db_, "SELECT payee_name FROM ledger_lines WHERE payee_uscc = ? LIMIT 1");
    l.bind(1, uscc);
    if (l.executeStep()) return Company{uscc, l.getColumn(0).getString(), "", ""};
    return std::nullopt;
}

void WorkbenchStore::mark_reviewed(std::int64_t batch_id, const Actor& who, const std::string& at) {
    auto tx = ledger_.transaction();
    SQLite::Statement q(db_, "INSERT INTO batch_reviews (batch_id, by_name, at) VALUES (?,?,?)");
    SQLite::bind(q, batch_id, who.name, at);
    q.exec();
    const auto id = db_.getLastInsertRowid();
    ledger_.chain().append("batch_review", std::to_string(id), batch_review_content(db_, id),
                           fmt::format("{}: marked batch {} reviewed", actor_note(who), batch_id), at);
    tx.commit();
}

Annotation WorkbenchStore::annotate(std::int64_t line_id, const Actor& who, const std::string& text,
                                    const std::string& at) {
    auto tx = ledger_.transaction();
    SQLite::Statement q(db_, "INSERT INTO line_annotations (line_id, by_name, at, text) VALUES (?,?,?,?)");
    SQLite::bind(q, line_id, who.name, at, text);
    q.exec();
    const auto id = db_.getLastInsertRowid();
    ledger_.chain().append("annotation", std::to_string(id), annotation_content(db_, id),
                           fmt::format("{}: note on line {}", actor_note(who), line_id), at);
    tx.commit();
    return Annotation{id, line_id, who.name, at, text};
}

std::set<std::string> WorkbenchStore::reviewers_of(std::int64_t batch_id) {
    std::set<std::string> out;
    SQLite::Statement r(db_, "SELECT by_name FROM batch_reviews WHERE batch_id = ?");
    r.bind(1, batch_id);
    while (r.executeStep()) out.insert(r.getColumn(0).getString());
    SQLite::Statement h(db_, "SELECT DISTINCT h.by_name FROM staff_holds h CROSS JOIN ledger_lines l ON l.line_id = h.line_id "
                             "WHERE l.batch_id = ?");
    h.bind(1, batch_id);
    while (h.executeStep()) out.insert(h.getColumn(0).getString());
    return out;
}

}  // namespace patsub::ledger

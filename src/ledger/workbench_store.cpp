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

// The column a sort order runs on besides the line id ('' for line order), and whether it
// runs downwards. Each order is an index's own order (009 and 014): (batch, amount),
// (batch, clause), (batch, status), each ending in the line id, so that a page is read
// off an index from where the last one stopped instead of sorting the batch.
struct SortColumn {
    const char* column;
    bool descending;
};

SortColumn sort_column(LineOrder o) {
    switch (o) {
    case LineOrder::amount_desc: return {"amount_fen", true};
    case LineOrder::amount_asc: return {"amount_fen", false};
    case LineOrder::clause: return {"clause", false};
    case LineOrder::status: return {"status", false};
    case LineOrder::line: break;
    }
    return {"", false};
}

std::string order_sql(LineOrder o, bool reversed, const char* table) {
    const SortColumn c = sort_column(o);
    const char* dir = c.descending != reversed ? " DESC" : "";
    if (*c.column == '\0') return fmt::format(" ORDER BY {}.line_id{}", table, dir);
    return fmt::format(" ORDER BY {0}.{1}{2}, {0}.line_id{2}", table, c.column, dir);
}

// Above this many matching lines a filter does not lead the search: the sort order's index
// does, and the filter is checked on the way (the page fills after a few hundred lines).
// Below it the filter's index finds the lines and SQLite sorts them, which is cheaper
// than walking the whole batch in order for a few matches.
constexpr std::int64_t kSortLeadsAbove = 20000;

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
    SQLite::Statement s(db_, "SELECT status, sum(lines), sum(fen) FROM batch_tallies WHERE batch_id = ? GROUP BY status");
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

// `lead_by_order`: every filter but the one the sort order's index starts with is written
// `+column`, which SQLite cannot search an index on, so that it walks the sort's index.
std::string WorkbenchStore::where(const LineQuery& q, bool lead_by_order) const {
    const char* sorted_on = sort_column(q.order).column;
    const bool amount = q.order == LineOrder::amount_asc || q.order == LineOrder::amount_desc;
    auto term = [&](const char* column) {
        const bool keep = !lead_by_order || std::string_view(sorted_on) == column ||
                          (amount && std::string_view(column) == "status");
        return fmt::format(" AND {}l.{} = ?", keep ? "" : "+", column);
    };
    // A grant's lines are found by its index, never by walking the batch for it.
    std::string w = q.text_given && !q.grant_ids.empty() ? " WHERE +l.batch_id = ?" : " WHERE l.batch_id = ?";
    if (!q.status.empty()) w += term("status");
    if (!q.clause.empty()) w += term("clause");
    if (!q.reason.empty()) w += term("reason");
    if (!q.district.empty()) w += " AND l.payee_uscc IN (SELECT uscc FROM current_payees WHERE district = ?)";
    if (q.text_given) {
        // One list alone lets SQLite read the lines of a grant or a company off its index.
        if (q.grant_ids.empty()) w += fmt::format(" AND l.payee_uscc IN ({})", placeholders(q.usccs.size()));
        else if (q.usccs.empty()) w += fmt::format(" AND l.grant_id IN ({})", placeholders(q.grant_ids.size()));
        else
            w += fmt::format(" AND (l.grant_id IN ({}) OR l.payee_uscc IN ({}))", placeholders(q.grant_ids.size()),
                             placeholders(q.usccs.size()));
    }
    return w;
}

int WorkbenchStore::bind(SQLite::Statement& s, const LineQuery& q, int first) const {
    int i = first;
    s.bind(i++, q.batch_id);
    for (const std::string* v : {&q.status, &q.clause, &q.reason, &q.district})
        if (!v->empty()) s.bind(i++, *v);
    if (q.text_given) {
        for (const auto& g : q.grant_ids) s.bind(i++, g);
        for (const auto& u : q.usccs) s.bind(i++, u);
    }
    return i;
}

// The page's line ids are found first, on indexes only (keyset or offset), and only those
// fifty lines are then read with their staff holds: an offset skips index entries, not
// joined rows.
std::vector<LineRow> WorkbenchStore::lines(const LineQuery& q) {
    std::vector<LineRow> out;
    if (q.text_given && q.grant_ids.empty() && q.usccs.empty()) return out;
    const bool reversed = q.before != 0;
    const std::int64_t mark = reversed ? q.before : q.after;
    const bool lead_by_order = !q.text_given && q.order != LineOrder::line && count(q) > kSortLeadsAbove;
    std::string keyset;
    std::int64_t offset = q.offset;
    // A batch's lines are written by one run, one after another: when its line ids have
    // no gap (its tallied count is max - min + 1), line order's page N starts at a known
    // line id, and a page typed in is read like a next link.
    std::int64_t jump = 0;
    if (mark == 0 && offset > 0 && q.order == LineOrder::line && !q.text_given && q.status.empty() &&
        q.clause.empty() && q.reason.empty() && q.district.empty()) {
        SQLite::Statement r(db_, "SELECT (SELECT min(line_id) FROM ledger_lines WHERE batch_id = ?1), "
                                 "(SELECT max(line_id) FROM ledger_lines WHERE batch_id = ?1)");
        r.bind(1, q.batch_id);
        if (r.executeStep() && !r.getColumn(0).isNull() &&
            r.getColumn(1).getInt64() - r.getColumn(0).getInt64() + 1 == count(q)) {
            jump = r.getColumn(0).getInt64() + offset - 1;
            offset = 0;
        }
    }
    const SortColumn c = sort_column(q.order);
    const std::string w = where(q, lead_by_order);
    const std::string ordered = order_sql(q.order, reversed, "l");
    std::string ids;
    if (mark != 0 && *c.column != '\0') {
        // After (or before) a line in a sort order with a key: the lines of the same key
        // beyond it, then the lines of the keys beyond; each is a seek on the order's index,
        // where one row-value comparison walked every line of an equal key (300,000 lines
        // of amount 0 in a million) up to the mark.
        const char* cmp = (c.descending != reversed) ? "<" : ">";
        const char* dir = (c.descending != reversed) ? " DESC" : "";
        ids = fmt::format("SELECT line_id FROM (SELECT * FROM (SELECT l.line_id, l.{0} AS k FROM ledger_lines l{1} "
                          "AND l.{0} = (SELECT {0} FROM ledger_lines WHERE line_id = ?) AND l.line_id {2} ? "
                          "ORDER BY l.line_id{3} LIMIT ?) UNION ALL SELECT * FROM (SELECT l.line_id, l.{0} AS k "
                          "FROM ledger_lines l{1} AND l.{0} {2} (SELECT {0} FROM ledger_lines WHERE line_id = ?){4} "
                          "LIMIT ?)) ORDER BY k{3}, line_id{3} LIMIT ? OFFSET ?",
                          c.column, w, cmp, dir, ordered);
    } else {
        if (jump != 0) keyset = " AND l.line_id > ?";
        if (mark != 0) keyset = fmt::format(" AND l.line_id {} ?", c.descending != reversed ? "<" : ">");
        ids = fmt::format("SELECT l.line_id FROM ledger_lines l{}{}{} LIMIT ? OFFSET ?", w, keyset, ordered);
    }
    SQLite::Statement s(db_, fmt::format("SELECT {} FROM ({}) p CROSS JOIN ledger_lines l ON l.line_id = p.line_id{}{}",
                                         row_columns, ids, hold_join, order_sql(q.order, false, "l")));
    int i = bind(s, q);
    if (mark != 0 && *c.column != '\0') {
        s.bind(i++, mark);
        s.bind(i++, mark);
        s.bind(i++, q.limit);
        i = bind(s, q, i);
        s.bind(i++, mark);
        s.bind(i++, q.limit);
    } else if (jump != 0) {
        s.bind(i++, jump);
    } else if (mark != 0) {
        s.bind(i++, mark);
    }
    s.bind(i++, q.limit);
    s.bind(i, mark != 0 ? std::int64_t{0} : offset);
    while (s.executeStep()) out.push_back(read_row(s));
    return out;
}

std::int64_t WorkbenchStore::count(const LineQuery& q) {
    if (q.text_given && q.grant_ids.empty() && q.usccs.empty()) return 0;
    // A company's lines (a credit code or a name searched) are counted from the tallies,
    // which are per payee; only the lines of the grants named, not also the companies'
    // (a grant may be paid to one of them), are counted line by line off the grant index.
    std::int64_t grants_alone = 0;
    if (q.text_given && !q.grant_ids.empty()) {
        LineQuery g = q;
        g.usccs.clear();
        std::string w = where(g, false);
        if (!q.usccs.empty()) w += fmt::format(" AND l.payee_uscc NOT IN ({})", placeholders(q.usccs.size()));
        SQLite::Statement s(db_, "SELECT count(*) FROM ledger_lines l" + w);
        int i = bind(s, g);
        for (const auto& u : q.usccs) s.bind(i++, u);
        s.executeStep();
        grants_alone = s.getColumn(0).getInt64();
        if (q.usccs.empty()) return grants_alone;
    }
    std::string w = " WHERE t.batch_id = ?";
    if (!q.status.empty()) w += " AND t.status = ?";
    if (!q.clause.empty()) w += " AND t.clause = ?";
    if (!q.reason.empty()) w += " AND t.reason = ?";
    if (!q.district.empty()) w += " AND t.payee_uscc IN (SELECT uscc FROM current_payees WHERE district = ?)";
    if (q.text_given) w += fmt::format(" AND t.payee_uscc IN ({})", placeholders(q.usccs.size()));
    SQLite::Statement s(db_, "SELECT COALESCE(sum(t.lines), 0) FROM batch_tallies t" + w);
    LineQuery u = q;
    u.grant_ids.clear();
    bind(s, u);
    s.executeStep();
    return grants_alone + s.getColumn(0).getInt64();
}

std::vector<std::string> WorkbenchStore::clauses(std::int64_t batch_id) {
    std::vector<std::string> out;
    SQLite::Statement q(db_, "SELECT DISTINCT clause FROM batch_tallies WHERE batch_id = ? AND clause <> '' ORDER BY clause");
    q.bind(1, batch_id);
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<std::string> WorkbenchStore::reasons(std::int64_t batch_id) {
    std::vector<std::string> out;
    SQLite::Statement q(db_, "SELECT DISTINCT reason FROM batch_tallies WHERE batch_id = ? AND reason <> '' ORDER BY reason");
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

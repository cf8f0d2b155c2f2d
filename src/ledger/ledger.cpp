#include "ledger/ledger.h"

#include "ledger/batch_news.h"

#include "ledger/chain_contents.h"
#include "ledger/migrations.h"
#include "ledger/standing_payment.h"
#include "ledger/statement_cache.h"

#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <tuple>

namespace patsub::ledger {

namespace {

constexpr const char* line_columns =
    "line_id, batch_id, event_key, grant_id, office, kind, patent_type, jurisdiction, family, payee_uscc, "
    "payee_name, clause, status, amount_fen, reason, policy_version, reasoning, created_at, "
    "prev_hash, hash";

LedgerLine read_line(SQLite::Statement& q) {
    LedgerLine l;
    l.line_id = q.getColumn(0).getInt64();
    l.batch_id = q.getColumn(1).getInt64();
    l.event_key = q.getColumn(2).getString();
    l.grant_id = q.getColumn(3).getString();
    l.office = q.getColumn(4).getString();
    l.kind = q.getColumn(5).getString();
    // A word no version of patsub writes (a hand-edited row) reads as nothing here, and
    // the line's hash, computed over the words, no longer matches: verify names it.
    l.patent_type = patent_type_from(q.getColumn(6).getString());
    l.jurisdiction = jurisdiction_from(q.getColumn(7).getString());
    l.family = q.getColumn(8).getString();
    l.payee_uscc = q.getColumn(9).getString();
    l.payee_name = q.getColumn(10).getString();
    l.clause = q.getColumn(11).getString();
    l.status = line_status_from(q.getColumn(12).getString()).value_or(LineStatus::rejected);
    l.amount = Money{q.getColumn(13).getInt64()};
    l.reason = q.getColumn(14).getString();
    l.policy_version = q.getColumn(15).getString();
    l.reasoning = q.getColumn(16).getString();
    l.created_at = q.getColumn(17).getString();
    l.prev_hash = q.getColumn(18).getString();
    l.hash = q.getColumn(19).getString();
    return l;
}

// The chain starts from a fixed value so that an empty ledger has a defined head.
constexpr const char* genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

std::string line_columns_prefixed(const char* table) {
    std::string out;
    std::string_view cols = line_columns;
    while (!cols.empty()) {
        auto comma = cols.find(',');
        auto col = cols.substr(0, comma);
        while (!col.empty() && col.front() == ' ') col.remove_prefix(1);
        out += (out.empty() ? "" : ", ") + std::string(table) + "." + std::string(col);
        if (comma == std::string_view::npos) break;
        cols.remove_prefix(comma + 1);
    }
    return out;
}

// PATSUB_SQL_TRACE=FILE appends every statement the ledger runs to FILE (its SQL with the
// ? placeholders, then a line holding only ";;"), so that bench/query_plans.py can show
// how often each ran and its query plan (docs/performance.md). Off unless set.
int trace_statement(unsigned, void* file, void* statement, void*) {
    if (const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement))) {
        std::fputs(sql, static_cast<FILE*>(file));
        std::fputs("\n;;\n", static_cast<FILE*>(file));
    }
    return 0;
}

void trace_if_asked(SQLite::Database& db) {
    const char* path = std::getenv("PATSUB_SQL_TRACE");
    if (path == nullptr || *path == '\0') return;
    // Open for the rest of the process (a diagnostic run); stdio flushes it at exit.
    static FILE* const file = std::fopen(path, "a");
    if (file != nullptr) sqlite3_trace_v2(db.getHandle(), SQLITE_TRACE_STMT, trace_statement, file);
}

int open_flags(Ledger::Access a) {
    switch (a) {
        case Ledger::Access::read_only: return SQLite::OPEN_READONLY;
        case Ledger::Access::read_write: return SQLite::OPEN_READWRITE;
        case Ledger::Access::create: break;
    }
    return SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
}

// Only `init` may create a ledger, and only where nothing is: SQLite's OPEN_CREATE on a
// path that does not exist (an unmounted volume) would start an empty ledger and the run
// would pay the whole inbox again.
std::string path_to_open(const std::filesystem::path& file, Ledger::Access a) {
    if (a != Ledger::Access::create) {
        require_ledger_file(file);
        return file.string();
    }
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(file, ec)))
        throw LedgerUnusable(fmt::format("{}: a file exists already at this path; `patsub init` only creates a new "
                                         "ledger (nothing was changed)", file.string()));
    if (!file.parent_path().empty()) std::filesystem::create_directories(file.parent_path());
    return file.string();
}

std::pair<unsigned long long, unsigned long long> identity_of(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return {0, 0};
    return {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

// The test hook of tests/e2e/ledger_refusals.sh: PATSUB_TEST_PAUSE_BEFORE_COMMIT=SECONDS
// stops a run just before it checks its ledger file and commits, so that the test can
// move or replace the file at that moment. Never set in production.
void pause_if_testing() {
    const char* v = std::getenv("PATSUB_TEST_PAUSE_BEFORE_COMMIT");
    if (v == nullptr || *v == '\0') return;
    std::fprintf(stderr, "patsub: test hook: pausing %s s before commit\n", v);
    std::fflush(stderr);
    ::sleep(static_cast<unsigned>(std::atoi(v)));
}

}  // namespace

struct Ledger::Statements {
    SQLite::Statement insert_line;
    SQLite::Statement last_line;
    SQLite::Statement latest_for_grant;
    SQLite::Statement by_event;
    SQLite::Statement latest_award;
    SQLite::Statement knows_file;
    SQLite::Statement insert_grant;
    SQLite::Statement insert_patentee;
    SQLite::Statement insert_priority;
    SQLite::Statement insert_sighting;
    StatementCache lookups;  // load_grant's

    explicit Statements(SQLite::Database& db)
        : insert_line(db, fmt::format("INSERT INTO ledger_lines ({}) VALUES "
                                      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", line_columns)),
          last_line(db, "SELECT line_id, hash FROM ledger_lines ORDER BY line_id DESC LIMIT 1"),
          latest_for_grant(db, fmt::format("SELECT {} FROM ledger_lines WHERE grant_id = ? AND clause = ? "
                                           "ORDER BY line_id DESC LIMIT 1", line_columns)),
          // The `<> ''` term lets SQLite use the partial index one_event_per_key; without it
          // every lookup scanned the whole ledger.
          by_event(db, fmt::format("SELECT {} FROM ledger_lines WHERE event_key = ? AND event_key <> ''",
                                   line_columns)),
          latest_award(db, fmt::format("SELECT {} FROM ledger_lines WHERE grant_id = '' AND payee_uscc = ? "
                                       "AND clause = ? ORDER BY line_id DESC LIMIT 1", line_columns)),
          knows_file(db, "SELECT 1 FROM source_files WHERE sha256 = ?"),
          insert_grant(db, "INSERT OR IGNORE INTO grants (grant_id, office, number, kind, date, "
                           "application_number, application_date, title, declared_type, is_grant, "
                           "known_kind, patent_type, jurisdiction, family, pct_application, first_batch) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          insert_patentee(db, "INSERT INTO grant_patentees (grant_id, seq, name, address, city, country, "
                              "other_names) VALUES (?,?,?,?,?,?,?)"),
          insert_priority(db, "INSERT INTO grant_priorities VALUES (?,?,?,?,?)"),
          insert_sighting(db, "INSERT OR IGNORE INTO grant_sightings (grant_id, sha256, document, line, batch_id, "
                              "member) VALUES (?,?,?,?,?,?)"),
          lookups(db) {}
};

void require_ledger_file(const std::filesystem::path& file) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        throw LedgerUnusable(fmt::format("{}: no ledger at this path (is its volume mounted?); nothing was "
                                         "written. `patsub init --db {}` creates a new, empty ledger",
                                         file.string(), file.string()));
    if (!std::filesystem::is_regular_file(status))
        throw LedgerUnusable(fmt::format("{}: not a patsub ledger (not a regular file)", file.string()));
    // The SQLite header, read before anything (a lock file) is created beside the path.
    char header[16] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(header, sizeof header);
    if (in.gcount() != sizeof header || std::string_view(header, sizeof header) != std::string_view("SQLite format 3\0", 16))
        throw LedgerUnusable(fmt::format("{}: not a patsub ledger ({}); nothing was written", file.string(),
                                         in.gcount() == 0 ? "an empty file" : "not an SQLite database"));
}

Ledger::Ledger(const std::filesystem::path& file, Access access)
    : file_(file), db_(path_to_open(file, access), open_flags(access), 5000) {
    std::tie(device_, inode_) = identity_of(file_);
    if (access != Access::create) require_patsub_schema();
    db_.exec("PRAGMA foreign_keys = ON");
    if (access != Access::read_only) {
        // WAL + FULL: a committed batch survives power loss; readers never block the writer.
        db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA synchronous = FULL");
        // A batch is one transaction, so its dirty pages live in this cache until they
        // spill to the WAL. 16 MB: a 1,000,000-grant run took the same CPU time as with
        // 48 MB (75.8 s against 77.4 s; every per-grant lookup is an index search) and
        // stays well inside the 100 MB peak-RSS budget (docs/performance.md).
        db_.exec("PRAGMA cache_size = -16384");
        migrate();
    }
    chain_ = std::make_unique<EventChain>(db_, chain_key_from_environment());
    if (access == Access::read_write) adopt_into_chain();
    st_ = std::make_unique<Statements>(db_);
    trace_if_asked(db_);
}

Ledger::~Ledger() = default;

// A file that is not a database, a corrupt one, or a database without patsub's tables:
// refused before anything (journal mode, migrations) writes to it.
void Ledger::require_patsub_schema() {
    try {
        SQLite::Statement q(db_, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                 "AND name IN ('schema_migrations', 'ledger_lines', 'source_files')");
        q.executeStep();
        if (q.getColumn(0).getInt() == 3) return;
    } catch (const SQLite::Exception& e) {
        throw LedgerUnusable(fmt::format("{}: not a patsub ledger ({}); nothing was written", file_.string(), e.what()));
    }
    throw LedgerUnusable(fmt::format("{}: not a patsub ledger (a database without patsub's tables); nothing was "
                                     "written. `patsub init --db NEW_PATH` creates a ledger", file_.string()));
}

std::string Ledger::chain_head() {
    auto& last = st_->last_line;
    last.reset();
    std::string head = last.executeStep() ? last.getColumn(1).getString() : std::string(genesis_hash);
    // A statement left stepping keeps this connection's read snapshot: a long-lived
    // connection (the workbench's) would never see another connection's commits again.
    last.reset();
    return head;
}

void Ledger::confirm_still_at_path() {
    pause_if_testing();
    const auto [device, inode] = identity_of(file_);
    if (device == 0 && inode == 0)
        throw LedgerReplaced(fmt::format("{}: the ledger file disappeared during the run (moved, deleted or its "
                                         "volume unmounted); the batch was rolled back, nothing was committed",
                                         file_.string()));
    if (device != device_ || inode != inode_)
        throw LedgerReplaced(fmt::format("{}: another file was put at the ledger's path during the run; the batch "
                                         "was rolled back, nothing was committed. Find out which file is the ledger "
                                         "before running again", file_.string()));
    std::string head;
    try {
        SQLite::Database now_at_path(file_.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(now_at_path, "SELECT hash FROM ledger_lines ORDER BY line_id DESC LIMIT 1");
        head = q.executeStep() ? q.getColumn(0).getString() : std::string(genesis_hash);
    } catch (const SQLite::Exception& e) {
        head = std::string("unreadable: ") + e.what();
    }
    if (head != head_at_begin_)
        throw LedgerReplaced(fmt::format("{}: the ledger file was overwritten during the run (its last line is no "
                                         "longer the one this run started from); the batch was rolled back, "
                                         "nothing was committed", file_.string()));
}

void Ledger::record_origin(const LedgerOrigin& o) {
    SQLite::Statement q(db_, "INSERT INTO ledger_origin (host, os_user, created_at) VALUES (?,?,?)");
    SQLite::bind(q, o.host, o.os_user, o.created_at);
    q.exec();
    const auto row = db_.getLastInsertRowid();
    chain_->append("init", std::to_string(row), origin_content(db_, row),
                   fmt::format("ledger created by {} on {}", o.os_user, o.host), o.created_at);
}

std::optional<LedgerOrigin> Ledger::origin() {
    SQLite::Statement q(db_, "SELECT host, os_user, created_at FROM ledger_origin ORDER BY rowid LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return LedgerOrigin{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
}

void Ledger::migrate() {
    db_.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (const auto& m : migrations()) {
        SQLite::Statement q(db_, "SELECT 1 FROM schema_migrations WHERE name = ?");
        q.bind(1, std::string(m.name));
        if (q.executeStep()) continue;
        SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
        db_.exec(std::string(m.sql));
        SQLite::Statement ins(db_, "INSERT INTO schema_migrations VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
        ins.bind(1, std::string(m.name));
        ins.exec();
        tx.commit();
    }
}

void Ledger::adopt_into_chain() {
    if (chain_->head().seq != 0) return;
    SQLite::Statement any(db_, "SELECT 1 FROM batches LIMIT 1");
    if (!any.executeStep()) return;
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement batches(db_, "SELECT batch_id, started_at FROM batches ORDER BY batch_id");
    while (batches.executeStep()) {
        const auto id = batches.getColumn(0).getInt64();
        chain_->append("batch", std::to_string(id), batch_content(db_, id), "adopted into the chain",
                       batches.getColumn(1).getString());
    }
    SQLite::Statement approvals(db_, "SELECT batch_id, approved_at FROM approvals ORDER BY batch_id");
    while (approvals.executeStep()) {
        const auto id = approvals.getColumn(0).getInt64();
        chain_->append("approval", std::to_string(id), approval_content(db_, id), "adopted into the chain",
                       approvals.getColumn(1).getString());
    }
    SQLite::Statement holds(db_, "SELECT event_id, at FROM staff_holds ORDER BY event_id");
    while (holds.executeStep()) {
        const auto id = holds.getColumn(0).getInt64();
        chain_->append("staff_hold", std::to_string(id), staff_hold_content(db_, id), "adopted into the chain",
                       holds.getColumn(1).getString());
    }
    tx.commit();
}

void Ledger::record_batch_summary(std::int64_t batch_id, const std::string& summary) {
    SQLite::Statement q(db_, "UPDATE batches SET summary = ? WHERE batch_id = ?");
    SQLite::bind(q, summary, batch_id);
    q.exec();
}

std::string Ledger::batch_summary(std::int64_t batch_id) {
    SQLite::Statement q(db_, "SELECT summary FROM batches WHERE batch_id = ?");
    q.bind(1, batch_id);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::vector<std::int64_t> Ledger::batch_ids() {
    SQLite::Statement q(db_, "SELECT batch_id FROM batches ORDER BY batch_id");
    std::vector<std::int64_t> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

ChainEvent Ledger::seal_batch(std::int64_t batch_id, const std::string& at) {
    return chain_->append("batch", std::to_string(batch_id), batch_content(db_, batch_id), "", at);
}

SQLite::Transaction Ledger::transaction() {
    // Read before BEGIN: SQLite::Transaction cannot be moved out of a local. The run lock
    // keeps other patsub writers out between the two.
    head_at_begin_ = chain_head();
    return SQLite::Transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
}

SQLite::Transaction Ledger::snapshot() { return SQLite::Transaction(db_, SQLite::TransactionBehavior::DEFERRED); }

std::int64_t Ledger::begin_batch(const BatchRecord& b) {
    SQLite::Statement q(db_, "INSERT INTO batches (started_at, as_of, inbox, policy_file, policy_sha256, "
                             "patsub_version) VALUES (?,?,?,?,?,?)");
    q.bind(1, b.started_at);
    q.bind(2, b.as_of);
    q.bind(3, b.inbox);
    q.bind(4, b.policy_file);
    q.bind(5, b.policy_sha256);
    q.bind(6, b.patsub_version);
    q.exec();
    return db_.getLastInsertRowid();
}

bool Ledger::knows_file(const std::string& sha256) {
    auto& q = st_->knows_file;
    q.reset();
    q.bind(1, sha256);
    const bool known = q.executeStep();
    q.reset();
    return known;
}

void Ledger::record_file(const SourceFileRecord& f) {
    SQLite::Statement q(db_, "INSERT INTO source_files (sha256, path, bytes, list, batch_id, documents, "
                             "refused, outcome, reason) VALUES (?,?,?,?,?,?,?,?,?)");
    SQLite::bind(q, f.sha256, f.path, f.bytes, f.list, f.batch_id, f.documents, f.refused, f.outcome, f.reason);
    q.exec();
}

namespace {

void bind_optional_date(SQLite::Statement& q, int i, const std::optional<Date>& d) {
    if (d) q.bind(i, to_iso(*d)); else q.bind(i);
}

std::optional<Date> optional_date(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return date_from_iso(c.getString());
}

}  // namespace

void Ledger::settle_file(const SourceFileRecord& f) {
    SQLite::Statement q(db_, "UPDATE source_files SET documents = ?, refused = ?, outcome = ?, reason = ? "
                             "WHERE sha256 = ?");
    SQLite::bind(q, f.documents, f.refused, f.outcome, f.reason, f.sha256);
    q.exec();
}

bool Ledger::record_grant(const Grant& g, const Classification& c, std::int64_t batch_id) {
    auto& q = st_->insert_grant;
    q.reset();
    const std::string id = grant_id(g);
    int i = 1;
    for (const std::string* s : {&id, &g.office, &g.number, &g.kind}) q.bind(i++, *s);
    bind_optional_date(q, i++, g.date);
    q.bind(i++, g.application_number);
    bind_optional_date(q, i++, g.application_date);
    q.bind(i++, g.title);
    q.bind(i++, g.declared_type);
    q.bind(i++, c.is_grant ? 1 : 0);
    q.bind(i++, c.known_kind ? 1 : 0);
    q.bind(i++, std::string(to_string(c.type)));
    q.bind(i++, std::string(to_string(c.jurisdiction)));
    q.bind(i++, g.family_id);
    q.bind(i++, g.pct_application);
    q.bind(i++, batch_id);
    if (q.exec() == 0) return false;  // seen before: the first reading stands

    int seq = 0;
    for (const auto& p : g.patentees) {
        auto& ins = st_->insert_patentee;
        ins.reset();
        ins.bind(1, id);
        ins.bind(2, ++seq);
        ins.bind(3, p.name);
        ins.bind(4, p.address);
        ins.bind(5, p.city);
        ins.bind(6, p.country);
        std::string others;
        for (const auto& n : p.other_names) others += (others.empty() ? "" : "|") + n;
        ins.bind(7, others);
        ins.exec();
    }
    seq = 0;
    for (const auto& p : g.priorities) {
        auto& ins = st_->insert_priority;
        ins.reset();
        ins.bind(1, id);
        ins.bind(2, ++seq);
        ins.bind(3, p.country);
        ins.bind(4, p.number);
        bind_optional_date(ins, 5, p.date);
        ins.exec();
    }
    return true;
}

// Runs for every grant decided in a batch (candidates are reloaded, held grants decided
// again): its four lookups are prepared once.
std::optional<Grant> Ledger::load_grant(const std::string& id) {
    auto q = st_->lookups.get("SELECT office, number, kind, date, application_number, application_date, title, "
                              "declared_type, family, pct_application FROM grants WHERE grant_id = ?");
    q->bind(1, id);
    if (!q->executeStep()) return std::nullopt;
    Grant g;
    g.office = q->getColumn(0).getString();
    g.number = q->getColumn(1).getString();
    g.kind = q->getColumn(2).getString();
    g.date = optional_date(q->getColumn(3));
    g.application_number = q->getColumn(4).getString();
    g.application_date = optional_date(q->getColumn(5));
    g.title = q->getColumn(6).getString();
    g.declared_type = q->getColumn(7).getString();
    g.family_id = q->getColumn(8).getString();
    g.pct_application = q->getColumn(9).getString();

    auto p = st_->lookups.get("SELECT name, address, city, country, other_names FROM grant_patentees "
                              "WHERE grant_id = ? ORDER BY seq");
    p->bind(1, id);
    while (p->executeStep()) {
        Party party{p->getColumn(0).getString(), p->getColumn(1).getString(), p->getColumn(2).getString(),
                    p->getColumn(3).getString(), {}};
        std::string others = p->getColumn(4).getString();
        for (std::size_t start = 0; start < others.size();) {
            auto bar = others.find('|', start);
            if (bar == std::string::npos) bar = others.size();
            party.other_names.push_back(others.substr(start, bar - start));
            start = bar + 1;
        }
        g.patentees.push_back(std::move(party));
    }
    auto r = st_->lookups.get("SELECT country, number, date FROM grant_priorities WHERE grant_id = ? ORDER BY seq");
    r->bind(1, id);
    while (r->executeStep())
        g.priorities.push_back(Priority{r->getColumn(0).getString(), r->getColumn(1).getString(),
                                        optional_date(r->getColumn(2))});
    auto s = st_->lookups.get("SELECT s.path, g.document, g.line, g.member FROM grant_sightings g JOIN source_files s "
                              "USING (sha256) WHERE g.grant_id = ? ORDER BY g.batch_id, g.rowid LIMIT 1");
    s->bind(1, id);
    if (s->executeStep())
        g.source = SourcePosition{shown_source(s->getColumn(0).getString(), s->getColumn(3).getString()),
                                  s->getColumn(1).getInt(), static_cast<long>(s->getColumn(2).getInt64())};
    return g;
}

std::vector<SameApplication> Ledger::same_application(const std::string& application_number,
                                                      const std::string& grant_id) {
    std::vector<SameApplication> out;
    if (application_number.empty()) return out;
    // static: the statement cache keys on the text.
    static const std::string sql =
        // A payment answered by its recovery or by a departure hold no longer stands
        // (readings 16 and 18): the application is not paid by it.
        "SELECT g.grant_id, g.patent_type, g.rowid < COALESCE((SELECT rowid FROM grants WHERE grant_id = ?2), "
        "9223372036854775807), COALESCE((SELECT l.clause FROM ledger_lines l WHERE l.grant_id = g.grant_id "
        "AND l.status = 'payable' AND " + standing_payment("l") + " ORDER BY l.line_id DESC LIMIT 1), '') "
        "FROM grants g WHERE g.application_number = ?1 AND g.office = 'CN' AND g.grant_id <> ?2 ORDER BY g.rowid";
    auto q = st_->lookups.get(sql.c_str());
    q->bind(1, application_number);
    q->bind(2, grant_id);
    while (q->executeStep())
        out.push_back({q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getInt() != 0,
                       q->getColumn(3).getString()});
    return out;
}

std::vector<std::string> Ledger::held_grants() {
    // The partial index ledger_lines_held holds the held lines only; without INDEXED BY,
    // SQLite would rather read every line in line order than sort the held ones.
    SQLite::Statement q(db_, "SELECT grant_id FROM ledger_lines l INDEXED BY ledger_lines_held "
                             "WHERE grant_id <> '' AND status = 'held' "
                             "AND line_id = (SELECT MAX(line_id) FROM ledger_lines m WHERE m.grant_id = l.grant_id) "
                             "ORDER BY line_id");
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

void Ledger::record_sighting(const Sighting& s) {
    auto& q = st_->insert_sighting;
    q.reset();
    SQLite::bind(q, s.grant_id, s.sha256, s.document, static_cast<std::int64_t>(s.line), s.batch_id, s.member);
    q.exec();
}

std::string shown_source(const std::string& path, const std::string& member) {
    return member.empty() ? path : path + "!" + member;
}

namespace {

// Everything a line says, without where and when it was written.
bool same_content(const LedgerLine& a, const LedgerLine& b) {
    return a.grant_id == b.grant_id && a.office == b.office && a.kind == b.kind && a.payee_uscc == b.payee_uscc &&
           a.clause == b.clause && a.status == b.status && a.amount.fen == b.amount.fen && a.reason == b.reason &&
           a.policy_version == b.policy_version;
}

}  // namespace

LedgerConflict::LedgerConflict(const LedgerLine& existing, const LedgerLine& attempted)
    : std::runtime_error(fmt::format(
          "event {} was written as line {} ({} {} {} fen to {}) and is now attempted as {} {} {} fen to {}: "
          "the run stops so that a person can look",
          existing.event_key, existing.line_id, existing.grant_id, to_string(existing.status), existing.amount.fen,
          existing.payee_uscc, attempted.grant_id, to_string(attempted.status), attempted.amount.fen, attempted.payee_uscc)) {}

std::optional<LedgerLine> Ledger::line_by_event(const std::string& event_key) {
    auto& q = st_->by_event;
    q.reset();
    q.bind(1, event_key);
    std::optional<LedgerLine> out;
    if (q.executeStep()) out = read_line(q);
    q.reset();
    return out;
}

std::optional<LedgerLine> Ledger::append(LedgerLine l) {
    if (!l.event_key.empty()) {
        if (auto existing = line_by_event(l.event_key)) {
            if (!same_content(*existing, l)) throw LedgerConflict(*existing, l);
            return std::nullopt;  // the same event again: nothing to write
        }
    }
    auto& last = st_->last_line;
    last.reset();
    if (last.executeStep()) {
        l.line_id = last.getColumn(0).getInt64() + 1;
        l.prev_hash = last.getColumn(1).getString();
    } else {
        l.line_id = 1;
        l.prev_hash = genesis_hash;
    }
    last.reset();
    l.hash = line_hash(l);

    auto& q = st_->insert_line;
    q.reset();
    q.bind(1, l.line_id);
    q.bind(2, l.batch_id);
    int i = 3;
    for (const std::string* s : {&l.event_key, &l.grant_id, &l.office, &l.kind}) q.bind(i++, *s);
    q.bind(i++, std::string(text_of(l.patent_type)));
    q.bind(i++, std::string(text_of(l.jurisdiction)));
    for (const std::string* s : {&l.family, &l.payee_uscc, &l.payee_name, &l.clause}) q.bind(i++, *s);
    q.bind(i++, std::string(to_string(l.status)));
    q.bind(i++, l.amount.fen);
    for (const std::string* s : {&l.reason, &l.policy_version, &l.reasoning, &l.created_at, &l.prev_hash, &l.hash})
        q.bind(i++, *s);
    q.exec();
    return l;
}

std::optional<LedgerLine> Ledger::latest_line(const std::string& grant_id, const std::string& clause) {
    auto& q = st_->latest_for_grant;
    q.reset();
    q.bind(1, grant_id);
    q.bind(2, clause);
    std::optional<LedgerLine> out;
    if (q.executeStep()) out = read_line(q);
    q.reset();
    return out;
}

bool Ledger::has_event(const std::string& event_key) { return line_by_event(event_key).has_value(); }

std::optional<std::pair<std::string, std::string>> Ledger::last_payee_of(const std::string& grant_id) {
    auto q = st_->lookups.get("SELECT payee_uscc, payee_name FROM ledger_lines WHERE grant_id = ? AND payee_uscc <> '' "
                              "ORDER BY line_id DESC LIMIT 1");
    q->bind(1, grant_id);
    std::optional<std::pair<std::string, std::string>> out;
    if (q->executeStep()) out.emplace(q->getColumn(0).getString(), q->getColumn(1).getString());
    return out;
}

std::optional<LedgerLine> Ledger::latest_award_line(const std::string& uscc, const std::string& clause) {
    auto& q = st_->latest_award;
    q.reset();
    q.bind(1, uscc);
    q.bind(2, clause);
    std::optional<LedgerLine> out;
    if (q.executeStep()) out = read_line(q);
    q.reset();
    return out;
}

std::vector<LedgerLine> Ledger::recovery_candidates(std::int64_t batch_id) {
    SQLite::Statement q(db_, fmt::format("WITH {} SELECT {} FROM named n CROSS JOIN ledger_lines l ON l.grant_id = n.grant_id "
                                         "WHERE l.status = 'payable' ORDER BY l.line_id",
                                         named_by_batch_records, line_columns_prefixed("l")));
    q.bind(1, batch_id);
    std::vector<LedgerLine> out;
    while (q.executeStep()) out.push_back(read_line(q));
    return out;
}

std::vector<LedgerLine> Ledger::unexported_payments_outside(const std::string& registry_sha256) {
    SQLite::Statement q(
        // From the payees the snapshot lacks (the registry's history, not the ledger) to
        // their lines by the payee index: CROSS JOIN keeps that order (issue 17 point 1).
        db_, fmt::format("SELECT {} FROM (SELECT DISTINCT uscc FROM payees WHERE uscc NOT IN "
                         "(SELECT uscc FROM payees WHERE registry_sha256 = ?)) departed "
                         "CROSS JOIN ledger_lines l ON l.payee_uscc = departed.uscc "
                         "WHERE l.status = 'payable' "
                         "AND l.line_id NOT IN (SELECT line_id FROM exported_lines) "
                         "AND {} ORDER BY l.line_id",
                         line_columns_prefixed("l"), standing_payment("l")));
    q.bind(1, registry_sha256);
    std::vector<LedgerLine> out;
    while (q.executeStep()) out.push_back(read_line(q));
    return out;
}

void Ledger::for_each_line(const LineFilter& f, const std::function<void(LedgerLine&&)>& visit) {
    std::string sql = fmt::format("SELECT {} FROM ledger_lines l WHERE 1=1", line_columns);
    if (f.batch_id) sql += " AND batch_id = :batch";
    if (f.grant_id) sql += " AND grant_id = :grant";
    if (f.payee_uscc) sql += " AND payee_uscc = :payee";
    if (f.current)
        sql += " AND line_id = (SELECT MAX(line_id) FROM ledger_lines m WHERE m.grant_id = l.grant_id"
               " AND (l.grant_id <> '' OR (m.payee_uscc = l.payee_uscc AND m.clause = l.clause)))";
    sql += " ORDER BY line_id";
    SQLite::Statement q(db_, sql);
    if (f.batch_id) q.bind(":batch", *f.batch_id);
    if (f.grant_id) q.bind(":grant", *f.grant_id);
    if (f.payee_uscc) q.bind(":payee", *f.payee_uscc);
    while (q.executeStep()) visit(read_line(q));
}

void Ledger::for_each_line_where(const std::string& condition, const std::function<void(SQLite::Statement&)>& bind,
                                 const std::function<void(LedgerLine&&)>& visit) {
    std::string columns = line_columns_prefixed("l");
    const std::string reasoning = "l.reasoning";
    columns.replace(columns.find(reasoning), reasoning.size(), "''");
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM ledger_lines l WHERE {} ORDER BY l.line_id", columns, condition));
    bind(q);
    while (q.executeStep()) visit(read_line(q));
}

std::vector<LedgerLine> Ledger::lines(const LineFilter& f) {
    std::vector<LedgerLine> out;
    for_each_line(f, [&](LedgerLine&& l) { out.push_back(std::move(l)); });
    return out;
}

std::optional<std::int64_t> Ledger::last_batch_id() {
    SQLite::Statement q(db_, "SELECT MAX(batch_id) FROM batches");
    if (q.executeStep() && !q.getColumn(0).isNull()) return q.getColumn(0).getInt64();
    return std::nullopt;
}

std::optional<Date> Ledger::last_as_of() {
    SQLite::Statement q(db_, "SELECT as_of FROM batches ORDER BY batch_id DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return date_from_iso(q.getColumn(0).getString());
}

std::vector<BatchDay> Ledger::batches_as_of(Date from, Date to) {
    SQLite::Statement q(db_, "SELECT batch_id, as_of FROM batches WHERE as_of BETWEEN ? AND ? ORDER BY batch_id");
    SQLite::bind(q, to_iso(from), to_iso(to));
    std::vector<BatchDay> days;
    while (q.executeStep()) days.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
    return days;
}

std::optional<RecordedGrant> Ledger::recorded_grant(const std::string& grant_id) {
    auto g = load_grant(grant_id);
    if (!g) return std::nullopt;
    auto q = st_->lookups.get("SELECT patent_type, jurisdiction FROM grants WHERE grant_id = ?");
    q->bind(1, grant_id);
    RecordedGrant r{std::move(*g)};
    if (q->executeStep()) {
        r.type = patent_type_from(q->getColumn(0).getString()).value_or(PatentType::other);
        r.jurisdiction = jurisdiction_from(q->getColumn(1).getString()).value_or(Jurisdiction::B);
    }
    return r;
}

}  // namespace patsub::ledger

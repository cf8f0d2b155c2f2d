// Ledger: the SQLite store behind every payment decision (SQLiteCpp). Opening it
// applies pending migrations and sets WAL with full sync; writers wrap a whole batch
// step in one Transaction so that a kill at any instant leaves the old state or the
// new one. Lines are only ever appended.
#pragma once

#include "classify/classification.h"
#include "ledger/event_chain.h"
#include "ledger/ledger_line.h"
#include "model/grant.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::ledger {

struct BatchRecord {
    std::string started_at;
    std::string as_of;
    std::string inbox;
    std::string policy_file;
    std::string policy_sha256;
    std::string patsub_version;
};

struct SourceFileRecord {
    std::string sha256;
    std::string path;
    std::int64_t bytes = 0;
    std::string list;  // grants, payees, abnormal, disputes, enterprises
    std::int64_t batch_id = 0;
    std::int64_t documents = 0;
    std::int64_t refused = 0;
    std::string outcome;  // taken, quarantined
    std::string reason;
};

struct Sighting {
    std::string grant_id;
    std::string sha256;
    int document = 0;
    long line = 0;
    std::int64_t batch_id = 0;
    std::string member;  // the zip member; '' for a plain or gzip file
};

// "archive.zip!member" for a document read from a zip member, the path otherwise: how
// every output names where a grant was read.
std::string shown_source(const std::string& path, const std::string& member);

struct BatchDay {
    std::int64_t batch_id = 0;
    std::string as_of;  // ISO date
};

// A grant as the ledger recorded it: the facts read and what they were classified as.
struct RecordedGrant {
    Grant grant;
    PatentType type = PatentType::other;
    Jurisdiction jurisdiction = Jurisdiction::B;
};

// Another grant recorded on the same CN application number (policy.md reading 12).
struct SameApplication {
    std::string grant_id;
    std::string patent_type;   // as the grant was classified when first read
    bool recorded_before = false;
    std::string paid_clause;   // clause of its standing payment; "" when none (never paid, or taken back)
};

struct LineFilter {
    std::optional<std::int64_t> batch_id;
    std::optional<std::string> grant_id;  // "" selects the award lines (8.9, 8.10)
    std::optional<std::string> payee_uscc;
    bool current = false;  // only the latest line per grant (per enterprise and clause for awards)
};

// The same money event written twice with different content: a bug or a tampered
// ledger, never something to paper over. The batch rolls back.
class LedgerConflict : public std::runtime_error {
  public:
    LedgerConflict(const LedgerLine& existing, const LedgerLine& attempted);
};

// The path names no ledger patsub may use: nothing there (an unmounted volume must never
// start a fresh ledger and pay the whole inbox again), a file that is not a database, a
// corrupt one, or a database patsub did not create; or `init` was asked to create one
// where a file exists. The request is wrong, not patsub: exit 2.
class LedgerUnusable : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The file at the ledger's path is no longer the one the run opened (moved, replaced,
// deleted, overwritten): committing would write into a file nobody reads. Exit 70.
class LedgerReplaced : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws LedgerUnusable unless `file` is an existing regular file (symlinks followed)
// that starts with the SQLite header. Commands call it before they take a lock or create
// anything beside the ledger.
void require_ledger_file(const std::filesystem::path& file);

// Who created a ledger (`patsub init`), kept in it for ever.
struct LedgerOrigin {
    std::string host;
    std::string os_user;
    std::string created_at;  // UTC instant
};

class Ledger {
  public:
    // read_only and read_write open an existing patsub ledger only (LedgerUnusable
    // otherwise); create makes a new one and refuses a path where anything exists.
    enum class Access { read_only, read_write, create };
    explicit Ledger(const std::filesystem::path& file, Access access = Access::read_write);
    ~Ledger();
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    // IMMEDIATE: takes the write lock at once, so a second writer fails fast instead of
    // deciding on a state that is about to change.
    SQLite::Transaction transaction();
    // DEFERRED, for readers only: every query until it ends reads the same state of the
    // ledger (WAL), so that two passes over a million lines see the same lines.
    SQLite::Transaction snapshot();
    // Called just before a batch commits: throws LedgerReplaced when the path now names
    // another file than the one opened (inode), none at all, or a file whose chain head
    // is no longer the head this transaction started from.
    void confirm_still_at_path();

    // Once, by `patsub init`, on a ledger just created.
    void record_origin(const LedgerOrigin& origin);
    std::optional<LedgerOrigin> origin();

    std::int64_t begin_batch(const BatchRecord& b);
    // What the run said of the batch (summary.txt), before it is sealed.
    void record_batch_summary(std::int64_t batch_id, const std::string& summary);
    std::string batch_summary(std::int64_t batch_id);
    std::vector<std::int64_t> batch_ids();
    // The batch's last act before its commit: one chain event vouching for everything
    // the batch wrote (chain_contents.h).
    ChainEvent seal_batch(std::int64_t batch_id, const std::string& at);
    EventChain& chain() { return *chain_; }
    bool knows_file(const std::string& sha256);
    void record_file(const SourceFileRecord& f);
    // After reading: how many documents the file held and whether it was quarantined.
    void settle_file(const SourceFileRecord& f);
    // The first sighting of a grant stores its facts and returns true; later sightings
    // (the same document in another file) add only a sighting.
    bool record_grant(const Grant& g, const Classification& c, std::int64_t batch_id);
    void record_sighting(const Sighting& s);
    // The facts as first read, for deciding again (a held grant) or explaining.
    std::optional<Grant> load_grant(const std::string& grant_id);
    // The other CN grants recorded on application_number (index grants_application).
    std::vector<SameApplication> same_application(const std::string& application_number,
                                                  const std::string& grant_id);
    // Grants whose latest line is held, oldest first: all decided again when a run's
    // registry, policy or patsub differs (redecision.h names the narrower sets).
    std::vector<std::string> held_grants();

    // Appends with the next line id and the hash chain filled in; returns the stored line.
    // A money line whose event key exists already is compared field by field: the same
    // content is a no-op (nullopt), different content throws LedgerConflict.
    std::optional<LedgerLine> append(LedgerLine line);

    std::optional<LedgerLine> latest_line(const std::string& grant_id, const std::string& clause);
    std::optional<LedgerLine> latest_award_line(const std::string& uscc, const std::string& clause);
    // The payee (credit code, name) the grant's latest line naming one named, if any.
    std::optional<std::pair<std::string, std::string>> last_payee_of(const std::string& grant_id);
    std::optional<LedgerLine> line_by_event(const std::string& event_key);
    bool has_event(const std::string& event_key);
    // Payable grant lines named by a dispute or abnormal record that batch_id read: the
    // payments that late news may take back (reading 10). Payments made since a record
    // arrived were decided knowing it, so only this batch's records can withdraw one; the
    // caller skips those already answered by a recovery line.
    std::vector<LedgerLine> recovery_candidates(std::int64_t batch_id);
    // Payable lines (grants' and awards') that no treasury file carried, not answered by a recovery or by
    // an earlier departure hold, whose payee the registry snapshot `registry_sha256` (rows
    // in `payees`) does not list: the payments a payee's leaving the registry stops
    // (policy.md reading 18). Exported payments are history and never listed.
    std::vector<LedgerLine> unexported_payments_outside(const std::string& registry_sha256);

    // Lines in line order, one at a time: a batch extract or an audit over years of
    // lines never holds them all (peak memory must not grow with the ledger).
    void for_each_line(const LineFilter& f, const std::function<void(LedgerLine&&)>& visit);
    // The same, collected: for callers that need a handful of lines (one grant, tests).
    std::vector<LedgerLine> lines(const LineFilter& f);
    // Lines of `ledger_lines l` meeting `condition` (SQL, for the stores of src/ledger whose
    // choice of lines is a query of its own: the treasury file's), parameters bound by
    // `bind`, in line order, one at a time and without their reasoning: a million-line
    // batch is never held (issue 17 point 4).
    void for_each_line_where(const std::string& condition, const std::function<void(SQLite::Statement&)>& bind,
                             const std::function<void(LedgerLine&&)>& visit);
    std::optional<std::int64_t> last_batch_id();
    // The as-of day of the newest batch.
    std::optional<Date> last_as_of();
    // Batches whose as-of day lies in [from, to], oldest first (the budget summary).
    std::vector<BatchDay> batches_as_of(Date from, Date to);
    // The grant's recorded facts and its classification when first read; nullopt when
    // the ledger never recorded it.
    std::optional<RecordedGrant> recorded_grant(const std::string& grant_id);

    SQLite::Database& db() { return db_; }

  private:
    void migrate();
    // A ledger written before 008_chain gets its chain now: one event per batch, approval
    // and staff hold as they stand when the chain is adopted.
    void adopt_into_chain();
    void require_patsub_schema();
    std::string chain_head();

    std::filesystem::path file_;
    SQLite::Database db_;
    std::unique_ptr<EventChain> chain_;
    unsigned long long device_ = 0, inode_ = 0;  // of the file opened
    std::string head_at_begin_;                  // chain head when transaction() began
    struct Statements;
    std::unique_ptr<Statements> st_;
};

}  // namespace patsub::ledger

// WorkbenchStore: what the workbench reads and what reviewers add beside the lines
// (009_people.sql): a batch marked reviewed, notes on a line, and the queries behind the
// pages — one page of a batch's lines at a time (a batch may hold a million lines; none
// is ever loaded whole), a line with its reasoning, a company's lines across batches, and
// who touched a batch (the two-person rule of issue 13 point 3).
#pragma once

#include "ledger/ledger.h"
#include "model/actor.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace patsub::ledger {

// One line as the batch and company pages list it (no reasoning).
struct LineRow {
    std::int64_t line_id = 0;
    std::int64_t batch_id = 0;
    std::string grant_id;
    std::string payee_uscc;
    std::string payee_name;
    std::string clause;
    std::string status;
    std::int64_t amount_fen = 0;
    std::string reason;
    std::string held_by;  // the staff hold in force, '' when none
    std::string held_why;
};

// The whole line for its own page.
struct LineDetail {
    LineRow row;
    std::string office, kind, patent_type, jurisdiction, family, policy_version, reasoning, created_at, hash;
    std::string title;  // the grant's title as read, '' for award lines
    std::string application_number;
};

struct StatusTally {
    std::int64_t lines = 0;
    std::int64_t fen = 0;
};

struct BatchOverview {
    std::int64_t batch_id = 0;
    std::string started_at, as_of;
    std::map<std::string, StatusTally> by_status;  // payable, held, rejected, recovery
    std::string approved_by, approved_at;           // '' when not approved
    std::vector<std::string> reviewed_by;            // "name at time", oldest first
};

enum class LineOrder { line, amount_desc, amount_asc, clause, status };

struct LineQuery {
    std::int64_t batch_id = 0;
    std::string status, clause, reason, district;  // '' = any
    // Free text, already resolved by the caller through the identifier edge: the grants
    // and the credit codes it names. `text_given` with both empty finds nothing.
    bool text_given = false;
    std::vector<std::string> grant_ids;
    std::vector<std::string> usccs;
    LineOrder order = LineOrder::line;
    // Keyset paging: the page after line `after` or before line `before` in `order` (0 =
    // none); without either, `offset` lines are skipped (a page typed into the address).
    std::int64_t after = 0;
    std::int64_t before = 0;
    std::int64_t offset = 0;
    std::int64_t limit = 50;
};

struct Annotation {
    std::int64_t annotation_id = 0;
    std::int64_t line_id = 0;
    std::string by, at, text;
};

class WorkbenchStore {
  public:
    explicit WorkbenchStore(Ledger& ledger);

    std::vector<std::int64_t> batch_ids_newest_first();
    std::optional<BatchOverview> overview(std::int64_t batch_id);

    std::vector<LineRow> lines(const LineQuery& q);
    // Read from the batch's tallies (014_batch_tallies.sql) unless free text is given.
    std::int64_t count(const LineQuery& q);
    // The distinct clauses and reasons of a batch, for the filter menus (from the tallies).
    std::vector<std::string> clauses(std::int64_t batch_id);
    std::vector<std::string> reasons(std::int64_t batch_id);

    std::optional<LineDetail> line(std::int64_t line_id);
    std::vector<Annotation> annotations(std::int64_t line_id);
    std::vector<LineRow> company_lines(const std::string& uscc, std::int64_t limit);

    // Credit codes of companies whose registered name or alias contains `text`.
    std::vector<std::string> companies_named(const std::string& text, int limit);
    struct Company {
        std::string uscc, name, aliases, district;
    };
    std::optional<Company> company(const std::string& uscc);

    // Each in its own transaction with its chain event (kinds `batch_review`, `annotation`).
    void mark_reviewed(std::int64_t batch_id, const Actor& who, const std::string& at);
    Annotation annotate(std::int64_t line_id, const Actor& who, const std::string& text, const std::string& at);

    // Everybody who marked the batch reviewed or held or released one of its lines:
    // none of them may approve it.
    std::set<std::string> reviewers_of(std::int64_t batch_id);

  private:
    std::string where(const LineQuery& q, bool lead_by_order) const;
    // Binds the query's filters from parameter `first` on; returns the next one's index.
    int bind(SQLite::Statement& s, const LineQuery& q, int first = 1) const;

    Ledger& ledger_;
    SQLite::Database& db_;
};

}  // namespace patsub::ledger

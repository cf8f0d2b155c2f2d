// ReviewStore: the staff side of the ledger (tables of 002_review.sql): approvals of
// batches, staff holds and releases of payable lines, and what each treasury file
// carried. Nothing here edits a ledger line; every record is appended.
//
// Which payable lines the treasury file of batch N carries (export_candidates): those
// of batch N, and those of batches approved earlier that a staff hold kept out and a
// release has since let go, provided the line was never exported, is not held now, and
// no later recovery line for the same grant and clause says to take the money back.
#pragma once

#include "ledger/ledger.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::ledger {

// An action staff may not take in this state (hold after approval, release of a line
// that is not held, approve a batch that does not exist): nothing was written.
class ReviewRefused : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct BatchInfo {
    std::int64_t batch_id = 0;
    BatchRecord record;
};

struct Approval {
    std::int64_t batch_id = 0;
    std::string by;
    std::string at;  // UTC, ISO 8601
};

struct HoldEvent {
    std::int64_t event_id = 0;
    std::int64_t line_id = 0;
    std::string action;  // hold, release
    std::string by;
    std::string at;
    std::string why;
};

// One row of a treasury file: a payee's exported lines summed.
struct TreasuryRow {
    std::string payee_uscc;
    std::string payee_name;
    std::string bank_name;
    std::string bank_account;
    std::int64_t amount_fen = 0;
    std::int64_t lines = 0;
};

struct TreasuryRecord {
    std::int64_t batch_id = 0;
    std::string file_name;
    std::string path;  // absolute, where approve first wrote it
    std::int64_t rows = 0;
    std::int64_t lines = 0;
    std::int64_t total_fen = 0;
    std::string sha256;
};

// treasury-<batch>.xlsx as approve first wrote it (migration 007): later approves write
// these bytes again rather than what this build's spreadsheet library would write.
struct TreasuryWorkbook {
    std::int64_t batch_id = 0;
    std::string file_name;
    std::string sha256;
    std::string bytes;
};

// Now, UTC, ISO 8601 to the second: the time staff actions are stamped with.
std::string utc_timestamp();

class ReviewStore {
  public:
    explicit ReviewStore(Ledger& ledger);

    // False for a ledger opened read-only before 002_review was applied: it has no
    // approvals, holds or exports, and every query below answers as such.
    bool available() const { return available_; }

    std::optional<BatchInfo> batch(std::int64_t batch_id);
    std::optional<Approval> approval(std::int64_t batch_id);

    // Hold and release, each in its own transaction, validated against the state
    // inside it. Throw ReviewRefused when the rules of the approval flow forbid it.
    HoldEvent hold(std::int64_t line_id, const std::string& by, const std::string& why, const std::string& at);
    HoldEvent release(std::int64_t line_id, const std::string& by, const std::string& at);
    // A hold inside the caller's transaction, the caller having checked that the line
    // may be held (an objection to a noticed line: src/ledger/notice_store.h).
    HoldEvent place_hold(std::int64_t line_id, const std::string& by, const std::string& why, const std::string& at);
    // Whether the line's latest staff event is a hold.
    bool held(std::int64_t line_id);

    // The latest hold event of every line of the batch that has one.
    std::map<std::int64_t, HoldEvent> hold_states(std::int64_t lines_of_batch);
    // Line of the batch -> batch whose treasury file carried it.
    std::map<std::int64_t, std::int64_t> exported_batches(std::int64_t lines_of_batch);

    // Payable lines the treasury file of this batch would carry if approved now, in line
    // order, without their reasoning (the treasury never shows it). Once the batch's
    // notice is published (010_public_notice.sql), only lines that notice proposed: a
    // payment the public was not shown waits for a later batch's notice.
    void for_each_export_candidate(std::int64_t batch_id, const std::function<void(LedgerLine&&)>& visit);
    std::vector<LedgerLine> export_candidates(std::int64_t batch_id);
    // The lines the batch's treasury file carried, in line order, without their reasoning.
    void for_each_exported_line(std::int64_t batch_id, const std::function<void(LedgerLine&&)>& visit);
    std::vector<LedgerLine> exported_lines(std::int64_t batch_id);

    // The approval and its export, written together inside the caller's transaction: the
    // lines recorded exported are the batch's export candidates of this instant, which
    // must number file.lines (the caller tallied them in the same transaction).
    void record_approval(const Approval& a, const TreasuryRecord& file, const std::vector<TreasuryRow>& rows);
    std::optional<TreasuryRecord> treasury_file(std::int64_t batch_id);
    std::vector<TreasuryRecord> treasury_files();
    std::vector<TreasuryRow> treasury_rows(std::int64_t batch_id);
    // Inside the caller's transaction; once per batch (append-only).
    void record_workbook(const TreasuryWorkbook& w);
    // Without its bytes when `with_bytes` is false; nullopt on a ledger older than 007.
    std::optional<TreasuryWorkbook> treasury_workbook(std::int64_t batch_id, bool with_bytes = true);

  private:
    std::optional<HoldEvent> latest_event(std::int64_t line_id);
    HoldEvent add_event(const HoldEvent& e);

    Ledger& ledger_;
    SQLite::Database& db_;
    bool available_;
};

}  // namespace patsub::ledger

// NoticeStore: the ledger's side of the public notice before payment (公示, policy.md
// reading 19; tables of 010_public_notice.sql): a batch's publication with the lines it
// proposed, objections to those lines, and the rule that opens approval for payment.
// Every record is appended and vouched for by a chain event; nothing is edited.
#pragma once

#include "ledger/ledger.h"
#include "ledger/review_store.h"
#include "model/date.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace patsub::ledger {

struct NoticePublication {
    std::int64_t batch_id = 0;
    std::string published_by;
    std::string role;
    std::string door;
    std::string address;
    std::string published_at;  // UTC instant
    std::string time_zone;
    std::string published_on;  // bureau dates, ISO
    std::string first_day;
    std::string last_day;
    int working_days = 0;
    std::string calendar;  // "<list name> sha256 <hex>"
    std::string objection_channel;
    std::string contacts;
    std::string publisher;
    std::string clause_texts;  // "clause\tmeaning\n" lines
    std::string chain_head;    // "event S <hash>" just before the publication
    std::int64_t lines = 0;
    std::int64_t total_fen = 0;
};

struct Objection {
    std::int64_t objection_id = 0;
    std::int64_t line_id = 0;
    std::int64_t batch_id = 0;  // the notice it answers
    std::string entered_by;
    std::string role;
    std::string door;
    std::string address;
    std::string source;
    std::string text;
    std::string received_at;
    bool within_period = false;
    std::optional<std::int64_t> hold_event;  // the staff hold it placed; none when one stood already
};

// A line as the notice prints it: the ledger line (without reasoning) and its patent's title.
struct NoticedLine {
    LedgerLine line;
    std::string title;
};

class NoticeStore {
  public:
    explicit NoticeStore(Ledger& ledger);

    // False on a ledger opened read-only before 010 was applied: nothing was published.
    bool available() const { return available_; }

    std::optional<NoticePublication> publication(std::int64_t batch_id);
    // The lines the batch's notice would propose if published now: its export candidates
    // (ReviewStore), with titles.
    void for_each_proposed_line(std::int64_t batch_id, const std::function<void(NoticedLine&&)>& visit);
    // The lines the batch's publication proposed, in line order.
    void for_each_noticed_line(std::int64_t batch_id, const std::function<void(NoticedLine&&)>& visit);

    // Inside the caller's transaction: the publication, its lines, one chain event.
    // Throws ReviewRefused when the batch is approved or published already.
    void record_publication(const NoticePublication& p, const std::vector<std::int64_t>& line_ids);

    // In its own transaction: the objection, and a staff hold on the line unless one
    // stands. Throws ReviewRefused when the line is on no published notice whose batch
    // awaits approval, was exported, or source or text is blank. `today`: the bureau's
    // date, to record whether the objection came within the period.
    Objection record_objection(Objection o, Date today);
    std::vector<Objection> objections_of_batch(std::int64_t batch_id);

    // Why approving this batch for payment is not allowed on `today` (a bureau date), in
    // a sentence naming the period's last day; nullopt when it is (published, period
    // over). A batch approved already is not asked: approving again changes nothing.
    std::optional<std::string> approval_refusal(std::int64_t batch_id, Date today);

  private:
    Ledger& ledger_;
    SQLite::Database& db_;
    bool available_;
};

}  // namespace patsub::ledger

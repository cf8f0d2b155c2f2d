#include "ledger/notice_store.h"

#include "ledger/chain_contents.h"
#include "ledger/payee_store.h"

#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

namespace patsub::ledger {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

constexpr const char* publication_columns =
    "batch_id, published_by, role, door, address, published_at, time_zone, published_on, first_day, last_day, "
    "working_days, calendar, objection_channel, contacts, publisher, clause_texts, chain_head, lines, total_fen";

constexpr const char* objection_columns =
    "objection_id, line_id, batch_id, entered_by, role, door, address, source, text, received_at, within_period, "
    "hold_event";

Objection read_objection(SQLite::Statement& q) {
    Objection o;
    o.objection_id = q.getColumn(0).getInt64();
    o.line_id = q.getColumn(1).getInt64();
    o.batch_id = q.getColumn(2).getInt64();
    o.entered_by = q.getColumn(3).getString();
    o.role = q.getColumn(4).getString();
    o.door = q.getColumn(5).getString();
    o.address = q.getColumn(6).getString();
    o.source = q.getColumn(7).getString();
    o.text = q.getColumn(8).getString();
    o.received_at = q.getColumn(9).getString();
    o.within_period = q.getColumn(10).getInt() != 0;
    if (!q.getColumn(11).isNull()) o.hold_event = q.getColumn(11).getInt64();
    return o;
}

// The patent's title as first read ('' for an enterprise award line).
class Titles {
  public:
    explicit Titles(SQLite::Database& db) : q_(db, "SELECT title FROM grants WHERE grant_id = ?") {}
    std::string of(const std::string& grant_id) {
        if (grant_id.empty()) return {};
        q_.reset();
        q_.bind(1, grant_id);
        return q_.executeStep() ? q_.getColumn(0).getString() : std::string();
    }

  private:
    SQLite::Statement q_;
};

}  // namespace

NoticeStore::NoticeStore(Ledger& ledger)
    : ledger_(ledger), db_(ledger.db()), available_(has_table(ledger.db(), "notice_publications")) {}

std::optional<NoticePublication> NoticeStore::publication(std::int64_t batch_id) {
    if (!available_) return std::nullopt;
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM notice_publications WHERE batch_id = ?", publication_columns));
    q.bind(1, batch_id);
    if (!q.executeStep()) return std::nullopt;
    NoticePublication p;
    p.batch_id = q.getColumn(0).getInt64();
    p.published_by = q.getColumn(1).getString();
    p.role = q.getColumn(2).getString();
    p.door = q.getColumn(3).getString();
    p.address = q.getColumn(4).getString();
    p.published_at = q.getColumn(5).getString();
    p.time_zone = q.getColumn(6).getString();
    p.published_on = q.getColumn(7).getString();
    p.first_day = q.getColumn(8).getString();
    p.last_day = q.getColumn(9).getString();
    p.working_days = q.getColumn(10).getInt();
    p.calendar = q.getColumn(11).getString();
    p.objection_channel = q.getColumn(12).getString();
    p.contacts = q.getColumn(13).getString();
    p.publisher = q.getColumn(14).getString();
    p.clause_texts = q.getColumn(15).getString();
    p.chain_head = q.getColumn(16).getString();
    p.lines = q.getColumn(17).getInt64();
    p.total_fen = q.getColumn(18).getInt64();
    return p;
}

void NoticeStore::for_each_proposed_line(std::int64_t batch_id, const std::function<void(NoticedLine&&)>& visit) {
    ReviewStore review(ledger_);
    Titles titles(db_);
    review.for_each_export_candidate(batch_id, [&](LedgerLine&& l) {
        NoticedLine n{std::move(l), {}};
        n.title = titles.of(n.line.grant_id);
        visit(std::move(n));
    });
}

void NoticeStore::for_each_noticed_line(std::int64_t batch_id, const std::function<void(NoticedLine&&)>& visit) {
    if (!available_) return;
    Titles titles(db_);
    ledger_.for_each_line_where("l.line_id IN (SELECT n.line_id FROM notice_lines n WHERE n.batch_id = :batch)",
                                [&](SQLite::Statement& q) { q.bind(":batch", batch_id); }, [&](LedgerLine&& l) {
        NoticedLine n{std::move(l), {}};
        n.title = titles.of(n.line.grant_id);
        visit(std::move(n));
    });
}

void NoticeStore::record_publication(const NoticePublication& p, const std::vector<std::int64_t>& line_ids) {
    if (!available_) throw std::logic_error("record_publication on a ledger without 010_public_notice");
    ReviewStore review(ledger_);
    if (auto a = review.approval(p.batch_id))
        throw ReviewRefused(fmt::format("batch {} was approved by {} at {}: its payments can no longer be published "
                                        "for objections",
                                        p.batch_id, a->by, a->at));
    if (auto earlier = publication(p.batch_id))
        throw ReviewRefused(fmt::format("batch {}'s notice was published already by {} at {} (period {} to {})",
                                        p.batch_id, earlier->published_by, earlier->published_at, earlier->first_day,
                                        earlier->last_day));
    SQLite::Statement ins(db_, fmt::format("INSERT INTO notice_publications ({}) VALUES "
                                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                           publication_columns));
    SQLite::bind(ins, p.batch_id, p.published_by, p.role, p.door, p.address, p.published_at, p.time_zone,
                 p.published_on, p.first_day, p.last_day, p.working_days, p.calendar, p.objection_channel, p.contacts,
                 p.publisher, p.clause_texts, p.chain_head, p.lines, p.total_fen);
    ins.exec();
    SQLite::Statement line(db_, "INSERT INTO notice_lines (batch_id, line_id) VALUES (?,?)");
    for (std::int64_t id : line_ids) {
        line.reset();
        SQLite::bind(line, p.batch_id, id);
        line.exec();
    }
    ledger_.chain().append("notice", std::to_string(p.batch_id), notice_content(db_, p.batch_id),
                           fmt::format("published by {} ({}, {})", p.published_by, p.role, p.door), p.published_at);
}

Objection NoticeStore::record_objection(Objection o, Date today) {
    if (blank(o.entered_by)) throw ReviewRefused("an objection needs the name of the person entering it");
    if (blank(o.source)) throw ReviewRefused("an objection needs its source (letter, telephone, e-mail, visit: --source)");
    if (blank(o.text)) throw ReviewRefused("an objection needs its text (--text)");
    if (!available_) throw std::logic_error("record_objection on a ledger without 010_public_notice");
    auto tx = ledger_.transaction();
    {
        SQLite::Statement line(db_, "SELECT status FROM ledger_lines WHERE line_id = ?");
        line.bind(1, o.line_id);
        if (!line.executeStep()) throw ReviewRefused(fmt::format("there is no ledger line {}", o.line_id));
    }
    {
        SQLite::Statement exported(db_, "SELECT batch_id FROM exported_lines WHERE line_id = ?");
        exported.bind(1, o.line_id);
        if (exported.executeStep())
            throw ReviewRefused(fmt::format("line {} was paid with batch {}'s treasury file already: an objection now "
                                            "is a matter for a recovery, not a hold",
                                            o.line_id, exported.getColumn(0).getInt64()));
    }
    // The newest notice proposing the line whose batch is not approved yet.
    SQLite::Statement q(db_, "SELECT n.batch_id FROM notice_lines n WHERE n.line_id = ? "
                             "AND n.batch_id NOT IN (SELECT batch_id FROM approvals) ORDER BY n.batch_id DESC LIMIT 1");
    q.bind(1, o.line_id);
    if (!q.executeStep())
        throw ReviewRefused(fmt::format("line {} is on no published notice awaiting approval: an objection is recorded "
                                        "against a line of a published notice (hold it instead if it must wait)",
                                        o.line_id));
    o.batch_id = q.getColumn(0).getInt64();
    const auto pub = publication(o.batch_id);
    o.within_period = to_iso(today) <= pub->last_day;
    ReviewStore review(ledger_);
    if (!review.held(o.line_id)) {
        const HoldEvent h = review.place_hold(
            o.line_id, o.entered_by, fmt::format("异议 objection ({}): {}", o.source, o.text), o.received_at);
        o.hold_event = h.event_id;
    } else {
        o.hold_event.reset();
    }
    SQLite::Statement ins(db_, "INSERT INTO objections (line_id, batch_id, entered_by, role, door, address, source, "
                               "text, received_at, within_period, hold_event) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::bind(ins, o.line_id, o.batch_id, o.entered_by, o.role, o.door, o.address, o.source, o.text, o.received_at,
                 o.within_period ? 1 : 0);
    if (o.hold_event) ins.bind(11, *o.hold_event);
    else ins.bind(11);
    ins.exec();
    o.objection_id = db_.getLastInsertRowid();
    ledger_.chain().append("objection", std::to_string(o.objection_id), objection_content(db_, o.objection_id),
                           fmt::format("entered by {} ({}, {})", o.entered_by, o.role, o.door), o.received_at);
    tx.commit();
    return o;
}

std::vector<Objection> NoticeStore::objections_of_batch(std::int64_t batch_id) {
    std::vector<Objection> out;
    if (!available_) return out;
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM objections WHERE batch_id = ? ORDER BY objection_id",
                                         objection_columns));
    q.bind(1, batch_id);
    while (q.executeStep()) out.push_back(read_objection(q));
    return out;
}

std::optional<std::string> NoticeStore::approval_refusal(std::int64_t batch_id, Date today) {
    const auto p = publication(batch_id);
    if (!p)
        return fmt::format("batch {} has no published notice (公示): publish its proposed payments first (patsub notice "
                           "publish {}); approval opens after the notice period ends",
                           batch_id, batch_id);
    if (to_iso(today) <= p->last_day) {
        const auto last = date_from_iso(p->last_day);
        const std::string opens =
            last ? to_iso(Date{std::chrono::sys_days{*last} + std::chrono::days{1}}) : std::string("?");
        return fmt::format("batch {} is in its notice period (公示期) until {} inclusive ({} working days from {}); "
                           "approval for payment opens on {} (today is {} in {})",
                           batch_id, p->last_day, p->working_days, p->first_day, opens, to_iso(today), p->time_zone);
    }
    return std::nullopt;
}

}  // namespace patsub::ledger

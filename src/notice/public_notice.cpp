#include "notice/public_notice.h"

#include "export/notice_list.h"
#include "export/output_file.h"
#include "ledger/review_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <map>

namespace patsub::notice {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Written as the lines stream from the ledger (a notice may list a million payments).
void put_file(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write,
              PublishedNotice& r) {
    (exports::write_unless_same(file, write) ? r.written : r.unchanged).push_back(file);
}

// Each clause's meaning as the policy version that decided the first line under it
// words it: add() every proposed line, then text().
class ClauseTexts {
  public:
    ClauseTexts(const Policy& policy, Date today) : policy_(policy), today_(today) {}
    void add(const ledger::LedgerLine& l) {
        if (meanings_.count(l.clause)) return;
        const PolicyVersion* v = policy_.find(l.policy_version);
        if (!v) v = &policy_.nearest(today_);
        std::string text;
        for (const auto& c : v->clauses)
            if (c.id == l.clause) text = c.text;
        meanings_[l.clause] = text;
    }
    std::string text() const {
        std::string out;
        for (const auto& [clause, text] : meanings_) out += clause + "\t" + text + "\n";
        return out;
    }

  private:
    const Policy& policy_;
    Date today_;
    std::map<std::string, std::string> meanings_;
};

}  // namespace

std::string notice_html_name(std::int64_t batch_id) { return fmt::format("notice-{}.html", batch_id); }
std::string notice_csv_name(std::int64_t batch_id) { return fmt::format("notice-{}.csv", batch_id); }

PublishedNotice publish_notice(ledger::Ledger& ledger, std::int64_t batch_id, const Actor& by,
                               const NoticeSettings& settings, const Policy& policy,
                               const std::filesystem::path& out_dir) {
    if (blank(by.name)) throw ledger::ReviewRefused("a notice needs the name of the person publishing it");
    const auto instant = now();
    const Date today = local_date(instant, settings.time_zone);
    ledger::NoticeStore notices(ledger);
    ledger::ReviewStore review(ledger);
    PublishedNotice r;
    {
        auto tx = ledger.transaction();
        if (!review.batch(batch_id)) throw ledger::ReviewRefused(fmt::format("there is no batch {} in this ledger", batch_id));
        if (auto earlier = notices.publication(batch_id)) {
            r.publication = *earlier;
        } else {
            if (blank(settings.objection_channel))
                throw ledger::ReviewRefused("a notice must say how the public may object: no objection channel is "
                                            "configured (--objection-channel)");
            // Counted before anything is written: a holiday list that does not cover the
            // period refuses the publication.
            const NoticePeriod period = period_from(today, settings.working_days, settings.calendar);
            // Only what the record needs is kept of each line: its id (8 bytes), its
            // amount and its clause's meaning.
            ClauseTexts meanings(policy, today);
            std::vector<std::int64_t> ids;
            std::int64_t total_fen = 0;
            notices.for_each_proposed_line(batch_id, [&](ledger::NoticedLine&& n) {
                meanings.add(n.line);
                ids.push_back(n.line.line_id);
                total_fen += n.line.amount.fen;
            });
            if (ids.empty())
                throw ledger::ReviewRefused(fmt::format("batch {} proposes no payment (no payable line that is not "
                                                        "held or paid): there is nothing to publish",
                                                        batch_id));
            ledger::NoticePublication p;
            p.batch_id = batch_id;
            p.published_by = by.name;
            p.role = std::string(role_name(by.role));
            p.door = by.door == Door::workbench ? "workbench" : "command_line";
            p.address = by.address;
            p.published_at = utc_instant(instant);
            p.time_zone = settings.time_zone;
            p.published_on = to_iso(period.published_on);
            p.first_day = to_iso(period.first_day);
            p.last_day = to_iso(period.last_day);
            p.working_days = period.working_days;
            p.calendar = settings.calendar.sha256().empty()
                             ? settings.calendar.source()
                             : fmt::format("{} sha256 {}", settings.calendar.source(), settings.calendar.sha256());
            p.objection_channel = settings.objection_channel;
            p.contacts = settings.contacts;
            p.publisher = settings.publisher;
            p.clause_texts = meanings.text();
            const auto head = ledger.chain().head();
            p.chain_head = fmt::format("event {} {}", head.seq, head.hash);
            p.total_fen = total_fen;
            p.lines = static_cast<std::int64_t>(ids.size());
            notices.record_publication(p, ids);
            r.newly_published = true;
            r.publication = p;
        }
        tx.commit();
    }
    const exports::NoticedLines lines = [&](const std::function<void(const ledger::NoticedLine&)>& visit) {
        notices.for_each_noticed_line(batch_id, [&](ledger::NoticedLine&& n) { visit(n); });
    };
    std::filesystem::create_directories(out_dir);
    put_file(out_dir / notice_csv_name(batch_id),
             [&](std::ostream& out) { exports::write_notice_csv(out, r.publication, lines); }, r);
    put_file(out_dir / notice_html_name(batch_id),
             [&](std::ostream& out) { exports::write_notice_html(out, r.publication, lines); }, r);
    return r;
}

}  // namespace patsub::notice

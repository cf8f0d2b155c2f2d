#include "export/treasury_handoff.h"
#include "ledger/ledger.h"
#include "ledger/notice_store.h"
#include "ledger/payee_store.h"
#include "ledger/review_store.h"
#include "notice/approval_gate.h"
#include "notice/objection.h"
#include "notice/public_notice.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace patsub;
using namespace patsub::ledger;

namespace {

struct TempDir {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-notice-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TempDir() {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~TempDir() {
        std::filesystem::remove_all(dir);
        ::unsetenv("PATSUB_NOW");
    }
};

LedgerLine line(std::int64_t batch, const std::string& grant, const char* status, std::int64_t fen) {
    LedgerLine l;
    l.batch_id = batch;
    l.grant_id = grant;
    l.office = "CN";
    l.kind = "B";
    l.patent_type = PatentType::invention;
    l.jurisdiction = Jurisdiction::CN;
    l.payee_uscc = "91530102MA6PDC012R";
    l.payee_name = "昆明甲公司";
    l.clause = "8.6";
    l.status = *line_status_from(status);
    l.amount.fen = fen;
    if (l.status == LineStatus::rejected) l.reason = "not_a_grant";
    l.policy_version = "km-2019-m8";
    l.reasoning = "{}";
    l.created_at = "2026-01-05T00:00:00Z";
    return l;
}

Date d(const char* iso) { return *date_from_iso(iso); }

notice::NoticeSettings settings() {
    notice::NoticeSettings s;
    s.calendar = notice::WorkingCalendar::load(std::string(PATSUB_SOURCE_DIR) + "/samples/config/holidays-cn.txt");
    s.objection_channel = "信函 letter";
    s.contacts = "0871-00000000";
    return s;
}

const Actor reviewer{"赵六", Role::reviewer, Door::workbench, "10.0.0.7"};

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("publish, object, wait for the period, approve") {
    TempDir t;
    const Policy policy = Policy::load(std::string(PATSUB_SOURCE_DIR) + "/samples/policy/kunming-measure8.xml",
                                       std::string(PATSUB_SOURCE_DIR) + "/schemas/policy.xsd");
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = l.begin_batch({"2026-01-05T00:00:00Z", "2026-01-05", "in", "p", "sha", "t"});
    PayeeStore(l).record_snapshot("s", "payees/s.csv",
                                       {Payee{"91530102MA6PDC012R", "昆明甲公司", {}, "530102", "银行甲", "101"}}, b1);
    const auto first = l.append(line(b1, "CN1B", "payable", 300000)).value();
    const auto second = l.append(line(b1, "CN2B", "payable", 300000)).value();
    l.append(line(b1, "CN3B", "rejected", 0));
    const auto out = t.dir / "out";

    ::setenv("PATSUB_NOW", "2026-01-05T02:00:00Z", 1);  // Monday 10:00 in Kunming
    auto no_channel = settings();
    no_channel.objection_channel = " ";
    CHECK_THROWS_WITH_AS(notice::publish_notice(l, b1, reviewer, no_channel, policy, out),
                         doctest::Contains("objection channel"), ReviewRefused);
    CHECK_THROWS_AS(notice::publish_notice(l, 9, reviewer, settings(), policy, out), ReviewRefused);
    CHECK_THROWS_WITH_AS(notice::record_objection(l, first.line_id, reviewer, "信函", "x"),
                         doctest::Contains("on no published notice"), ReviewRefused);

    const auto published = notice::publish_notice(l, b1, reviewer, settings(), policy, out);
    CHECK(published.newly_published);
    CHECK(published.publication.first_day == "2026-01-06");
    CHECK(published.publication.last_day == "2026-01-12");
    CHECK(published.publication.lines == 2);
    CHECK(published.publication.role == "reviewer");
    CHECK(published.publication.door == "workbench");
    CHECK(published.written.size() == 2);
    CHECK(read_all(out / "notice-1.html").find("国家知识产权局授权的发明专利") != std::string::npos);
    const auto again = notice::publish_notice(l, b1, reviewer, settings(), policy, out);
    CHECK_FALSE(again.newly_published);
    CHECK(again.unchanged.size() == 2);

    auto gate = notice::approval_open(l, b1, d("2026-01-12"));
    CHECK_FALSE(gate.open);
    CHECK(gate.refusal.find("until 2026-01-12 inclusive") != std::string::npos);
    CHECK(notice::approval_open(l, b1, d("2026-01-13")).open);

    // Thursday: an objection holds its line; a second one finds it held and leaves it so.
    ::setenv("PATSUB_NOW", "2026-01-08T03:00:00Z", 1);
    const auto o = notice::record_objection(l, first.line_id, reviewer, "电话 telephone", "权属有争议");
    CHECK(o.within_period);
    CHECK(o.batch_id == b1);
    REQUIRE(o.hold_event);
    CHECK(ReviewStore(l).held(first.line_id));
    ::setenv("PATSUB_NOW", "2026-01-13T03:00:00Z", 1);  // after the period: recorded as late, still held
    const auto late = notice::record_objection(l, first.line_id, reviewer, "信函", "补充材料");
    CHECK_FALSE(late.within_period);
    CHECK_FALSE(late.hold_event);
    CHECK_THROWS_AS(notice::record_objection(l, first.line_id, reviewer, "", "x"), ReviewRefused);
    CHECK_THROWS_AS(notice::record_objection(l, first.line_id, reviewer, "x", " "), ReviewRefused);
    CHECK(NoticeStore(l).objections_of_batch(b1).size() == 2);

    CHECK_THROWS_WITH_AS(exports::approve_batch(l, b1, "李四", out, "2026-01-12T08:00:00Z", d("2026-01-12")),
                         doctest::Contains("notice period"), ReviewRefused);
    const auto approved = exports::approve_batch(l, b1, "李四", out, "2026-01-13T08:00:00Z", d("2026-01-13"));
    CHECK(approved.treasury.lines == 1);  // the objected line is held
    CHECK(approved.treasury.total_fen == second.amount.fen);
    CHECK(notice::approval_open(l, b1, d("2026-01-13")).approved);
    CHECK_THROWS_WITH_AS(notice::record_objection(l, second.line_id, reviewer, "信函", "x"),
                         doctest::Contains("paid with batch 1"), ReviewRefused);
    // Publishing again after approval records nothing and writes the same notice elsewhere.
    const auto copy = notice::publish_notice(l, b1, reviewer, settings(), policy, out / "again");
    CHECK_FALSE(copy.newly_published);
    CHECK(read_all(out / "again" / "notice-1.html") == read_all(out / "notice-1.html"));
}

TEST_CASE("a batch with nothing to pay has nothing to publish") {
    TempDir t;
    const Policy policy = Policy::load(std::string(PATSUB_SOURCE_DIR) + "/samples/policy/kunming-measure8.xml",
                                       std::string(PATSUB_SOURCE_DIR) + "/schemas/policy.xsd");
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = l.begin_batch({"2026-01-05T00:00:00Z", "2026-01-05", "in", "p", "sha", "t"});
    l.append(line(b1, "CN3B", "rejected", 0));
    ::setenv("PATSUB_NOW", "2026-01-05T02:00:00Z", 1);
    CHECK_THROWS_WITH_AS(notice::publish_notice(l, b1, reviewer, settings(), policy, t.dir / "out"),
                         doctest::Contains("proposes no payment"), ReviewRefused);
    CHECK_FALSE(NoticeStore(l).publication(b1));
}

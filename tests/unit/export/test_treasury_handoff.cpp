#include "export/review_page.h"
#include "export/treasury_handoff.h"
#include "ledger/ledger.h"
#include "ledger/ledger_audit.h"
#include "ledger/notice_store.h"
#include "ledger/payee_store.h"
#include "ledger/review_store.h"
#include "ledger/treasury_audit.h"
#include "model/sha256.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace patsub;
using namespace patsub::ledger;

namespace {

struct TempDir {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-export-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TempDir() {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~TempDir() { std::filesystem::remove_all(dir); }
};

std::int64_t new_batch(Ledger& l, const char* as_of) {
    return l.begin_batch({"2026-01-01T00:00:00Z", as_of, "in", "p", "sha", "t"});
}

LedgerLine line(std::int64_t batch, const std::string& grant, const std::string& uscc, const std::string& name,
                const char* status, std::int64_t fen, const char* reason = "") {
    LedgerLine l;
    l.batch_id = batch;
    l.grant_id = grant;
    l.office = "CN";
    l.kind = "B";
    l.patent_type = PatentType::invention;
    l.jurisdiction = Jurisdiction::CN;
    l.payee_uscc = uscc;
    l.payee_name = name;
    l.clause = "8.6";
    l.status = *line_status_from(status);
    l.amount.fen = fen;
    l.reason = reason;
    l.policy_version = "v";
    l.reasoning = R"({"grant":{"id":")" + grant + R"(","title":"</script><script>window.__pwned=4</script>"},"checks":[]})";
    l.created_at = "2026-01-01T00:00:00Z";
    return l;
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::int64_t count(Ledger& l, const char* sql) {
    SQLite::Statement q(l.db(), sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

const char* const A = "91530102MA6PDC012R";
const char* const B = "91530111MA6PGY027L";

// As a run takes a registry snapshot: its rows, and the file (the latest snapshot is the
// payees file taken last, policy.md reading 18).
void take_snapshot(Ledger& l, const std::string& sha, const std::vector<Payee>& rows, std::int64_t batch) {
    PayeeStore(l).record_snapshot(sha, "payees/" + sha + ".csv", rows, batch);
    l.record_file({sha, "payees/" + sha + ".csv", 1, "payees", batch, 0, 0, "taken", ""});
}

void register_payees(Ledger& l, std::int64_t batch) {
    take_snapshot(l, "snap1",
                  {Payee{A, "昆明甲公司", {}, "530102", "银行甲", "101"},
                   Payee{B, "<script>window.__pwned=1</script>", {"乙"}, "530111", "\"onmouseover=\"window.__pwned=2",
                         "=202"}},
                  batch);
}

// The batch's notice as `patsub notice publish` records it (src/notice), its period over
// on 2026-01-05: approval opens on the 6th (policy.md reading 19).
void publish(Ledger& l, std::int64_t batch) {
    NoticeStore notices(l);
    NoticePublication p;
    p.batch_id = batch;
    p.published_by = "赵六";
    p.role = "reviewer";
    p.door = "command_line";
    p.published_at = "2025-12-28T02:00:00Z";
    p.time_zone = "Asia/Shanghai";
    p.published_on = "2025-12-28";
    p.first_day = "2025-12-29";
    p.last_day = "2026-01-05";
    p.working_days = 5;
    p.calendar = "weekends only";
    p.objection_channel = "信箱";
    p.publisher = "局";
    p.chain_head = "event 0 x";
    std::vector<std::int64_t> ids;
    notices.for_each_proposed_line(batch, [&](NoticedLine&& n) { ids.push_back(n.line.line_id); });
    p.lines = static_cast<std::int64_t>(ids.size());
    auto tx = l.transaction();
    notices.record_publication(p, ids);
    tx.commit();
}

const Date after_period = *date_from_iso("2026-01-06");

}  // namespace

TEST_CASE("approval exports each payable line once; approving again changes nothing") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000));
    l.append(line(b1, "CN2B", A, "昆明甲公司", "payable", 300000));
    l.append(line(b1, "CN3B", B, "乙", "payable", 60000));
    l.append(line(b1, "CN4A", A, "昆明甲公司", "rejected", 0, "not_a_grant"));

    const auto out = t.dir / "out";
    publish(l, b1);
    const auto first = exports::approve_batch(l, b1, "张三", out, "2026-01-06T08:00:00Z", after_period);
    CHECK(first.newly_approved);
    CHECK(first.treasury.rows == 2);
    CHECK(first.treasury.lines == 3);
    CHECK(first.treasury.total_fen == 660000);
    const std::string csv = read_all(out / "treasury-1.csv");
    CHECK(sha256_hex(csv) == first.treasury.sha256);
    CHECK(csv.find("1,\"91530102MA6PDC012R\",昆明甲公司,银行甲,\"101\",6000.00,2\r\n") != std::string::npos);
    CHECK(csv.find(",\"'=202\",600.00,1\r\n") != std::string::npos);
    CHECK(csv.find("1,TOTAL,2,,,6600.00,3\r\n") != std::string::npos);
    CHECK(read_all(out / "treasury-1.csv.sha256") ==
          first.treasury.sha256 + "  treasury-1.csv\n# patsub ledger chain head at approval: " + approval_head(l, b1) + "\n");
    CHECK_FALSE(std::filesystem::exists(out / "notice-1.csv"));  // written at publication, not here

    // A later registry snapshot must not change what was handed over.
    take_snapshot(l, "snap2", {Payee{A, "昆明甲公司（新）", {}, "530102", "银行丙", "999"}}, b1);
    std::filesystem::remove(out / "treasury-1.csv.sha256");
    const auto again = exports::approve_batch(l, b1, "李四", out, "2026-01-07T08:00:00Z", after_period);
    CHECK_FALSE(again.newly_approved);
    CHECK(again.approval.by == "张三");
    CHECK(read_all(out / "treasury-1.csv") == csv);
    CHECK(again.written == std::vector<std::filesystem::path>{out / "treasury-1.csv.sha256"});
    CHECK(again.unchanged.size() == 3);
    CHECK(count(l, "SELECT count(*) FROM approvals") == 1);
    CHECK(count(l, "SELECT count(*) FROM exported_lines") == 3);
    CHECK_THROWS_AS(exports::approve_batch(l, 99, "张三", out, "x", after_period), ReviewRefused);
    CHECK_THROWS_AS(exports::approve_batch(l, b1, "", out, "x", after_period), ReviewRefused);
    CHECK_THROWS_AS(exports::approve_batch(l, b1, "  ", out, "x", after_period), ReviewRefused);
}

TEST_CASE("a held line is kept out and goes with the next batch approved after its release") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    ReviewStore store(l);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    const auto held = l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000)).value();
    const auto kept = l.append(line(b1, "CN2B", B, "乙", "payable", 60000)).value();
    const auto rejected = l.append(line(b1, "CN4A", A, "昆明甲公司", "rejected", 0, "not_a_grant")).value();

    CHECK_THROWS_WITH_AS(store.hold(rejected.line_id, "张三", "check", "t"), doctest::Contains("not payable"), ReviewRefused);
    CHECK_THROWS_AS(store.hold(held.line_id, "张三", "", "t"), ReviewRefused);
    CHECK_THROWS_AS(store.hold(held.line_id, " ", "why", "t"), ReviewRefused);
    CHECK_THROWS_AS(store.hold(999, "张三", "why", "t"), ReviewRefused);
    CHECK_THROWS_AS(store.release(held.line_id, "张三", "t"), ReviewRefused);  // not held
    store.hold(held.line_id, "张三", "bank account in doubt", "2026-01-06T07:00:00Z");
    CHECK_THROWS_WITH_AS(store.hold(held.line_id, "李四", "again", "t"), doctest::Contains("already held"), ReviewRefused);

    publish(l, b1);
    const auto r1 = exports::approve_batch(l, b1, "王五", t.dir / "out", "2026-01-06T08:00:00Z", after_period);
    CHECK(r1.treasury.lines == 1);
    CHECK(r1.treasury.total_fen == kept.amount.fen);
    CHECK_THROWS_WITH_AS(store.hold(kept.line_id, "张三", "late", "t"), doctest::Contains("approved"), ReviewRefused);

    // Released after its batch was approved: not in batch 2 before the release, in it after.
    const auto b2 = new_batch(l, "2026-01-06");
    const auto b2_line = l.append(line(b2, "CN5B", A, "昆明甲公司", "payable", 300000)).value();
    CHECK(store.export_candidates(b2).size() == 1);
    store.release(held.line_id, "张三", "2026-01-07T07:00:00Z");
    const auto candidates = store.export_candidates(b2);
    REQUIRE(candidates.size() == 2);
    CHECK(candidates[0].line_id == held.line_id);
    CHECK(candidates[1].line_id == b2_line.line_id);

    // The review page of batch 2 shows the carried line before approval.
    const auto texts = exports::ReviewTexts::load(std::filesystem::path(PATSUB_SOURCE_DIR) / "schemas");
    const std::string page = exports::review_page(l, b2, texts);
    CHECK(page.find("released from a staff hold") != std::string::npos);

    publish(l, b2);
    const auto r2 = exports::approve_batch(l, b2, "王五", t.dir / "out", "2026-01-07T08:00:00Z", after_period);
    CHECK(r2.treasury.lines == 2);
    CHECK(r2.treasury.total_fen == 600000);
    CHECK(r2.treasury.rows == 1);
    const auto b3 = new_batch(l, "2026-01-07");
    CHECK(store.export_candidates(b3).empty());  // nothing is exported twice
    const auto exported = store.exported_batches(b1);  // both lines are batch 1's
    CHECK(exported.at(held.line_id) == b2);
    CHECK(exported.at(kept.line_id) == b1);
    CHECK_THROWS_AS(l.db().exec("DELETE FROM staff_holds"), SQLite::Exception);
    CHECK_THROWS_AS(l.db().exec("UPDATE approvals SET approved_by = 'x'"), SQLite::Exception);
}

TEST_CASE("approval refuses a payee without bank details and records nothing") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000));
    publish(l, b1);
    CHECK_THROWS_WITH_AS(exports::approve_batch(l, b1, "张三", t.dir / "out", "t", after_period), doctest::Contains("no bank account"),
                         ReviewRefused);
    CHECK(count(l, "SELECT count(*) FROM approvals") == 0);
    CHECK_FALSE(std::filesystem::exists(t.dir / "out" / "treasury-1.csv"));
}

TEST_CASE("the review page shows hostile values as text and leaves the reasoning to the workbench") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    l.append(line(b1, "CN3B", B, "<script>window.__pwned=1</script>", "payable", 60000));
    l.append(line(b1, "CN9U", "", "\"onmouseover=\"window.__pwned=2", "held", 0, "payee_not_registered"));
    const auto texts = exports::ReviewTexts::load(std::filesystem::path(PATSUB_SOURCE_DIR) / "schemas");
    const std::string page = exports::review_page(l, b1, texts);
    CHECK(page.find("<script>window") == std::string::npos);
    CHECK(page.find("</script><script>window") == std::string::npos);
    CHECK(page.find("\"onmouseover=") == std::string::npos);
    CHECK(page.find("&lt;script&gt;window.__pwned=1&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("&quot;onmouseover=&quot;window.__pwned=2") != std::string::npos);
    CHECK(page.find("__pwned=4") == std::string::npos);  // the reasoning (with the title) is not on the page
    CHECK(page.find("<script") == std::string::npos);     // a summary without script
    CHECK(page.find("href=\"ledger.csv\"") != std::string::npos);
    CHECK(page.find("专利权人疑为昆明单位") != std::string::npos);  // the reason in Chinese
    CHECK(page.find("<svg") != std::string::npos);
    // The only address in the page is the SVG namespace name, which is never fetched.
    std::size_t addresses = 0, namespaces = 0;
    for (auto p = page.find("://"); p != std::string::npos; p = page.find("://", p + 1)) ++addresses;
    for (auto p = page.find("http://www.w3.org/2000/svg"); p != std::string::npos;
         p = page.find("http://www.w3.org/2000/svg", p + 1))
        ++namespaces;
    CHECK(addresses == namespaces);
    CHECK(page.find("src=") == std::string::npos);  // nothing is loaded from anywhere
    CHECK_THROWS_AS(exports::gather_review(l, 42), ReviewRefused);
}

TEST_CASE("verify recomputes each treasury file from the exported lines and re-hashes it") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000));
    l.append(line(b1, "CN3B", B, "乙", "payable", 60000));
    l.seal_batch(b1, "2026-01-05T08:00:00Z");  // as a run does before its commit
    publish(l, b1);
    exports::approve_batch(l, b1, "张三", t.dir / "out", "2026-01-06T08:00:00Z", after_period);
    CHECK(audit(l, CapRule{{"8.1", "8.2", "8.3", "8.4"}, 2}).breaches.empty());

    // The file edited after the handoff.
    {
        std::ofstream f(t.dir / "out" / "treasury-1.csv", std::ios::app | std::ios::binary);
        f << "1,x,x,x,x,1.00,1\r\n";
    }
    auto r = audit(l, CapRule{{"8.1", "8.2", "8.3", "8.4"}, 2});
    REQUIRE(r.breaches.size() == 1);
    CHECK(r.breaches.front().find("treasury-1.csv (batch 1) hashes to") != std::string::npos);
    exports::approve_batch(l, b1, "张三", t.dir / "out", "later", after_period);  // writes it again from the ledger
    CHECK(audit(l, CapRule{{"8.1", "8.2", "8.3", "8.4"}, 2}).breaches.empty());

    // The recorded total edited behind patsub's back.
    l.db().exec("DROP TRIGGER treasury_files_append_only_update");
    l.db().exec("UPDATE treasury_files SET total_fen = total_fen + 100");
    r = audit(l, CapRule{{"8.1", "8.2", "8.3", "8.4"}, 2});
    CHECK(r.breaches.size() >= 2);  // against the exported lines and against its own rows
    bool names_lines = false;
    for (const auto& b : r.breaches) names_lines |= b.find("exported payable lines add up to 3600.00") != std::string::npos;
    CHECK(names_lines);
}

TEST_CASE("approval writes the workbook beside the CSV and keeps its first bytes") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000));
    l.append(line(b1, "CN3B", B, "乙", "payable", 60000));
    const auto out = t.dir / "out";
    publish(l, b1);
    exports::approve_batch(l, b1, "张三", out, "2026-01-06T08:00:00Z", after_period);
    const std::string xlsx = read_all(out / "treasury-1.xlsx");
    REQUIRE(xlsx.rfind("PK", 0) == 0);
    CHECK(read_all(out / "treasury-1.xlsx.sha256") ==
          sha256_hex(xlsx) + "  treasury-1.xlsx\n# patsub ledger chain head at approval: " + approval_head(l, b1) + "\n");
    const auto kept = ReviewStore(l).treasury_workbook(b1);
    REQUIRE(kept);
    CHECK(kept->bytes == xlsx);
    CHECK(kept->sha256 == sha256_hex(xlsx));
    CHECK(std::distance(std::filesystem::directory_iterator(out), std::filesystem::directory_iterator()) == 4);

    // Lost, then approved again: the kept bytes come back, whatever this build would write.
    std::filesystem::remove(out / "treasury-1.xlsx");
    auto again = exports::approve_batch(l, b1, "李四", out, "2026-01-08T08:00:00Z", after_period);
    CHECK(again.written == std::vector<std::filesystem::path>{out / "treasury-1.xlsx"});
    CHECK(read_all(out / "treasury-1.xlsx") == xlsx);
    l.db().exec("DROP TRIGGER treasury_workbooks_append_only_update");
    l.db().exec("UPDATE treasury_workbooks SET bytes = CAST('not a workbook' AS BLOB)");
    CHECK_THROWS_WITH_AS(exports::approve_batch(l, b1, "李四", out, "2026-01-08T08:00:00Z", after_period),
                         doctest::Contains("do not hash to the sha256 recorded"), std::runtime_error);

    // A batch approved before 007: its workbook is made (from the approval's time) and
    // recorded on the next approve, the same bytes as a fresh approval gives.
    l.db().exec("DROP TRIGGER treasury_workbooks_append_only_delete");
    l.db().exec("DELETE FROM treasury_workbooks");
    std::filesystem::remove(out / "treasury-1.xlsx");
    exports::approve_batch(l, b1, "李四", out, "2026-01-09T08:00:00Z", after_period);
    CHECK(read_all(out / "treasury-1.xlsx") == xlsx);
    CHECK(count(l, "SELECT count(*) FROM treasury_workbooks") == 1);
}

TEST_CASE("a CSV approved by an earlier patsub stays as it was handed over") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000));
    const auto out = t.dir / "out";
    publish(l, b1);
    exports::approve_batch(l, b1, "张三", out, "2026-01-06T08:00:00Z", after_period);
    // The layout of an earlier release (credit codes and accounts unquoted).
    const std::string old_csv = "\xEF\xBB\xBF" "batch_id,payee_uscc,payee_name,bank_name,bank_account,amount_yuan,lines\r\n"
                                "1,91530102MA6PDC012R,昆明甲公司,银行甲,101,3000.00,1\r\n1,TOTAL,1,,,3000.00,1\r\n";
    {
        std::ofstream f(out / "treasury-1.csv", std::ios::binary | std::ios::trunc);
        f << old_csv;
    }
    l.db().exec("DROP TRIGGER treasury_files_append_only_update");
    l.db().exec("UPDATE treasury_files SET sha256 = '" + sha256_hex(old_csv) + "'");
    const auto r = exports::approve_batch(l, b1, "张三", out, "2026-01-07T08:00:00Z", after_period);
    CHECK(read_all(out / "treasury-1.csv") == old_csv);
    CHECK(std::find(r.unchanged.begin(), r.unchanged.end(), out / "treasury-1.csv") != r.unchanged.end());
    std::filesystem::remove(out / "treasury-1.csv");
    CHECK_THROWS_WITH_AS(exports::approve_batch(l, b1, "张三", out, "2026-01-07T08:00:00Z", after_period),
                         doctest::Contains("no longer give the file recorded at approval"), std::runtime_error);
}

TEST_CASE("verify re-hashes the workbook beside the treasury file") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000));
    l.seal_batch(b1, "2026-01-05T08:00:00Z");  // as a run does before its commit
    publish(l, b1);
    exports::approve_batch(l, b1, "张三", t.dir / "out", "2026-01-06T08:00:00Z", after_period);
    const CapRule caps{{"8.1", "8.2", "8.3", "8.4"}, 2};
    // Only what verify says about the files approve wrote: this ledger's batch was begun
    // by hand, not by a run, and other checks may say so.
    const auto file_breaches = [&] {
        std::vector<std::string> out;
        for (auto& b : audit(l, caps).breaches)
            if (b.find("treasury-1.") != std::string::npos || b.find("workbook") != std::string::npos) out.push_back(b);
        return out;
    };
    CHECK(file_breaches().empty());
    {
        std::ofstream f(t.dir / "out" / "treasury-1.xlsx", std::ios::app | std::ios::binary);
        f << "x";
    }
    {
        std::ofstream f(t.dir / "out" / "treasury-1.xlsx.sha256", std::ios::app | std::ios::binary);
        f << "x";
    }
    const auto r = file_breaches();
    REQUIRE(r.size() == 2);
    CHECK(r[0].find("treasury-1.xlsx (batch 1) hashes to") != std::string::npos);
    CHECK(r[1].find("treasury-1.xlsx.sha256 does not name the sha256") != std::string::npos);
    exports::approve_batch(l, b1, "张三", t.dir / "out", "later", after_period);  // restores both
    CHECK(file_breaches().empty());

    // The kept bytes edited behind patsub's back.
    l.db().exec("DROP TRIGGER treasury_workbooks_append_only_update");
    l.db().exec("UPDATE treasury_workbooks SET bytes = CAST('x' AS BLOB)");
    REQUIRE(file_breaches().size() == 1);
    CHECK(file_breaches()[0].find("the bytes the ledger keeps do not hash") != std::string::npos);
}

TEST_CASE("approval waits for the notice period and pays only what the notice proposed") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    register_payees(l, b1);
    const auto noticed = l.append(line(b1, "CN1B", A, "昆明甲公司", "payable", 300000)).value();
    const auto out = t.dir / "out";
    CHECK_THROWS_WITH_AS(exports::approve_batch(l, b1, "张三", out, "t", after_period),
                         doctest::Contains("has no published notice"), ReviewRefused);
    publish(l, b1);
    // Held after publication and released again: still on the notice, so paid.
    ReviewStore(l).hold(noticed.line_id, "赵六", "objection by telephone", "2026-01-02T01:00:00Z");
    ReviewStore(l).release(noticed.line_id, "赵六", "2026-01-03T01:00:00Z");
    // A line the public was not shown waits for a later notice.
    const auto late = l.append(line(b1, "CN2B", B, "乙", "payable", 60000)).value();
    l.seal_batch(b1, "2026-01-05T00:00:00Z");
    CHECK_THROWS_WITH_AS(exports::approve_batch(l, b1, "张三", out, "t", *date_from_iso("2026-01-05")),
                         doctest::Contains("notice period (公示期) until 2026-01-05 inclusive"), ReviewRefused);
    CHECK(count(l, "SELECT count(*) FROM approvals") == 0);
    const auto r = exports::approve_batch(l, b1, "张三", out, "2026-01-06T08:00:00Z", after_period);
    CHECK(r.treasury.lines == 1);
    CHECK(r.treasury.total_fen == noticed.amount.fen);
    const auto b2 = new_batch(l, "2026-01-06");
    l.seal_batch(b2, "2026-01-06T00:00:00Z");
    const auto carried = ReviewStore(l).export_candidates(b2);
    REQUIRE(carried.size() == 1);
    CHECK(carried[0].line_id == late.line_id);
    // The chain vouches for the publication: verify finds nothing amiss, and an edit shows.
    const auto clean = audit(l, CapRule{{"8.1", "8.2", "8.3", "8.4"}, 2}).breaches;
    CHECK_MESSAGE(clean.empty(), (clean.empty() ? std::string() : clean.front()));
    l.db().exec("DROP TRIGGER notice_lines_append_only_delete; DELETE FROM notice_lines");
    const auto edited = audit(l, CapRule{{"8.1", "8.2", "8.3", "8.4"}, 2}).breaches;
    CHECK(std::any_of(edited.begin(), edited.end(),
                      [](const std::string& b) { return b.find("notice 1: its rows differ") != std::string::npos; }));
}

TEST_CASE("the review page of a batch of 100,000 lines stays a short summary under 200 KB") {
    TempDir t;
    Ledger l(t.dir / "ledger.sqlite", Ledger::Access::create);
    const auto b1 = new_batch(l, "2026-01-05");
    std::vector<Payee> registry;
    for (int i = 0; i < 2000; ++i)
        registry.push_back(Payee{fmt::format("9153010{:011d}", i), fmt::format("昆明样例公司{}", i), {}, "530102",
                                 "银行", fmt::format("{:019d}", i + 1)});
    take_snapshot(l, "big", registry, b1);
    {
        auto tx = l.transaction();
        for (int i = 0; i < 100000; ++i) {
            const auto& p = registry[static_cast<std::size_t>(i % 2000)];
            const char* status = i % 5 == 0 ? "held" : i % 5 == 1 ? "rejected" : "payable";
            const char* reason = i % 5 == 0 ? "payee_name_mismatch" : i % 5 == 1 ? "not_a_grant" : "";
            l.append(line(b1, fmt::format("CN{}B", 100000 + i), p.uscc, p.name, status, i % 5 > 1 ? 60000 : 0, reason));
        }
        tx.commit();
    }
    const auto texts = exports::ReviewTexts::load(std::filesystem::path(PATSUB_SOURCE_DIR) / "schemas");
    const std::string page = exports::review_page(l, b1, texts);
    CHECK(page.size() < 200 * 1024);
    MESSAGE("review page of 100,000 lines: ", page.size(), " bytes");
    CHECK(page.find("100000") != std::string::npos);                 // every line counted
    CHECK(page.find("另有 1100 户") != std::string::npos);            // 1,200 payees paid, 100 named
    CHECK(page.find("另有 19900 项") != std::string::npos);           // 20,000 held, 100 named
    CHECK(page.find("36000000.00") != std::string::npos);            // 60,000 payable x 600 CNY
}

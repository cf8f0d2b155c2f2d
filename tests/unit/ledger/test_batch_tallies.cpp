// The tallies the workbench and `patsub summary` read instead of a batch's lines
// (014_batch_tallies.sql) against a recount of the lines, and the batch page's keyset
// and offset paging against the whole batch in each order (issue 13 point 6).
#include "ledger/batch_tallies.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"
#include "ledger/workbench_store.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

using namespace patsub;
using namespace patsub::ledger;

namespace {

struct TempLedger {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-tallies-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::path file = dir / "ledger.sqlite";
    TempLedger() { std::filesystem::create_directories(dir); }
    ~TempLedger() { std::filesystem::remove_all(dir); }
};

LedgerLine line(std::int64_t batch, int n, LineStatus status) {
    LedgerLine l;
    l.batch_id = batch;
    l.grant_id = "CN" + std::to_string(100000 + n) + "B";
    l.clause = n % 3 == 0 ? "8.1" : "8.6";
    l.payee_uscc = n % 2 == 0 ? "91530102MA6PDC012R" : "";
    l.status = status;
    l.amount.fen = status == LineStatus::payable ? 100000 + (n % 4) * 100 : status == LineStatus::recovery ? -100000 : 0;
    l.reason = status == LineStatus::held ? "dispute_pending" : status == LineStatus::rejected ? "not_kunming" : "";
    l.event_key = status == LineStatus::recovery ? "recover|" + l.grant_id : "";
    l.policy_version = "v";
    l.reasoning = "{}";
    l.created_at = "2026-01-01T00:00:00Z";
    return l;
}

std::int64_t new_batch(Ledger& l) { return l.begin_batch({"2026-01-01T00:00:00Z", "2026-01-05", "in", "p", "sha", "t"}); }

// The batch's lines recounted: (status, clause, reason, payee) -> (lines, fen).
using Key = std::tuple<std::string, std::string, std::string, std::string>;
std::map<Key, std::pair<std::int64_t, std::int64_t>> recount(Ledger& l, std::int64_t batch) {
    std::map<Key, std::pair<std::int64_t, std::int64_t>> out;
    LineFilter f;
    f.batch_id = batch;
    for (const auto& x : l.lines(f)) {
        auto& t = out[{std::string(to_string(x.status)), x.clause, x.reason, x.payee_uscc}];
        t.first += 1;
        t.second += x.amount.fen;
    }
    return out;
}

std::map<Key, std::pair<std::int64_t, std::int64_t>> kept(Ledger& l, std::int64_t batch) {
    std::map<Key, std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& t : batch_tallies(l, batch)) out[{t.status, t.clause, t.reason, t.payee_uscc}] = {t.lines, t.fen};
    return out;
}

std::vector<std::int64_t> ids(const std::vector<LineRow>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.line_id);
    return out;
}

}  // namespace

TEST_CASE("a batch's kept tallies equal a recount of its lines after holds, releases, corrections and a second run") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    const auto first = new_batch(l);
    for (int n = 0; n < 60; ++n)
        l.append(line(first, n, n % 5 == 0 ? LineStatus::held : n % 7 == 0 ? LineStatus::rejected : LineStatus::payable));
    ReviewStore review(l);
    review.hold(2, "复核员甲", "核对", "2026-01-02T00:00:00Z");
    review.hold(3, "复核员甲", "核对", "2026-01-02T00:00:00Z");
    review.release(2, "复核员甲", "2026-01-03T00:00:00Z");
    // A second run: new lines and corrections (recoveries of the first batch's payments).
    const auto second = new_batch(l);
    for (int n = 60; n < 80; ++n) l.append(line(second, n, LineStatus::payable));
    for (int n : {1, 2, 4}) l.append(line(second, n, LineStatus::recovery));
    CHECK(kept(l, first) == recount(l, first));
    CHECK(kept(l, second) == recount(l, second));
    CHECK(tally_breaches(l).empty());

    WorkbenchStore store(l);
    LineQuery q;
    q.batch_id = first;
    CHECK(store.count(q) == 60);
    q.status = "held";
    CHECK(store.count(q) == 12);
    q.status.clear();
    q.text_given = true;
    q.usccs = {"91530102MA6PDC012R"};
    q.grant_ids = {"CN100001B"};  // not that company's: counted once more
    CHECK(store.count(q) == 31);
    const auto overview = store.overview(second);
    REQUIRE(overview);
    CHECK(overview->by_status.at("recovery").lines == 3);
    CHECK(overview->by_status.at("recovery").fen == -300000);
}

TEST_CASE("verify names a tally that disagrees with its lines") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    const auto b = new_batch(l);
    for (int n = 0; n < 5; ++n) l.append(line(b, n, LineStatus::payable));
    l.db().exec("UPDATE batch_tallies SET lines = lines + 1 WHERE status = 'payable' AND clause = '8.6' AND payee_uscc = ''");
    const auto breaches = tally_breaches(l);
    REQUIRE(breaches.size() == 1);
    CHECK(breaches[0].find("batch 1") != std::string::npos);
}

TEST_CASE("next and previous links and typed page numbers walk the same lines in every order") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    const auto b = new_batch(l);
    for (int n = 0; n < 137; ++n)
        l.append(line(b, n, n % 5 == 0 ? LineStatus::held : n % 7 == 0 ? LineStatus::rejected : LineStatus::payable));
    WorkbenchStore store(l);
    for (auto order : {LineOrder::line, LineOrder::amount_desc, LineOrder::amount_asc, LineOrder::clause, LineOrder::status})
        for (const char* status : {"", "payable"}) {
            CAPTURE(static_cast<int>(order));
            CAPTURE(status);
            LineQuery all;
            all.batch_id = b;
            all.order = order;
            all.status = status;
            all.limit = 1000;
            const auto whole = ids(store.lines(all));
            REQUIRE(whole.size() == static_cast<std::size_t>(store.count(all)));
            // The whole batch in this order, by an independent sort of every line.
            auto rows = store.lines(all);
            std::stable_sort(rows.begin(), rows.end(), [&](const LineRow& x, const LineRow& y) {
                switch (order) {
                case LineOrder::amount_desc: return std::tie(y.amount_fen, y.line_id) < std::tie(x.amount_fen, x.line_id);
                case LineOrder::amount_asc: return std::tie(x.amount_fen, x.line_id) < std::tie(y.amount_fen, y.line_id);
                case LineOrder::clause: return std::tie(x.clause, x.line_id) < std::tie(y.clause, y.line_id);
                case LineOrder::status: return std::tie(x.status, x.line_id) < std::tie(y.status, y.line_id);
                case LineOrder::line: break;
                }
                return x.line_id < y.line_id;
            });
            CHECK(ids(rows) == whole);

            LineQuery page = all;
            page.limit = 10;
            std::vector<std::int64_t> by_next, by_offset;
            for (;;) {
                page.after = by_next.empty() ? 0 : by_next.back();
                const auto got = ids(store.lines(page));
                if (got.empty()) break;
                by_next.insert(by_next.end(), got.begin(), got.end());
            }
            CHECK(by_next == whole);
            page.after = 0;
            for (std::int64_t p = 0; p * 10 < static_cast<std::int64_t>(whole.size()); ++p) {
                page.offset = p * 10;
                const auto got = ids(store.lines(page));
                by_offset.insert(by_offset.end(), got.begin(), got.end());
            }
            CHECK(by_offset == whole);
            // Previous from the last page's first line gives the page before it.
            page.offset = 0;
            page.before = whole[whole.size() - 5];
            const auto prev = ids(store.lines(page));
            CHECK(prev == std::vector<std::int64_t>(whole.end() - 15, whole.end() - 5));
        }
}

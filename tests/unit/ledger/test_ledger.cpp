#include "ledger/ledger.h"
#include "ledger/migrations.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace patsub;
using namespace patsub::ledger;

namespace {

struct TempLedger {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-ledger-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::path file = dir / "ledger.sqlite";
    TempLedger() { std::filesystem::create_directories(dir); }
    ~TempLedger() { std::filesystem::remove_all(dir); }
};

LedgerLine payable(std::int64_t batch, const char* grant, const char* clause, std::int64_t fen) {
    LedgerLine l;
    l.batch_id = batch;
    l.grant_id = grant;
    l.clause = clause;
    l.status = LineStatus::payable;
    l.amount.fen = fen;
    l.policy_version = "v";
    l.reasoning = "{}";
    l.created_at = "2026-01-01T00:00:00Z";
    return l;
}

std::int64_t new_batch(Ledger& l) { return l.begin_batch({"2026-01-01T00:00:00Z", "2026-01-01", "in", "p", "sha", "t"}); }

}  // namespace

TEST_CASE("lines are chained by hash and cannot be updated or deleted") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    auto b = new_batch(l);
    auto first = *l.append(payable(b, "CN1B", "8.6", 300000));
    auto second = *l.append(payable(b, "CN2B", "8.6", 300000));
    CHECK(first.line_id == 1);
    CHECK(second.prev_hash == first.hash);
    CHECK(second.hash == line_hash(second));
    CHECK_THROWS_WITH(l.db().exec("UPDATE ledger_lines SET amount_fen = 1 WHERE line_id = 1"),
                      doctest::Contains("append-only"));
    CHECK_THROWS_WITH(l.db().exec("DELETE FROM ledger_lines WHERE line_id = 1"), doctest::Contains("append-only"));
}

TEST_CASE("the database refuses a second payment of a grant under the same clause") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    auto b = new_batch(l);
    l.append(payable(b, "CN1B", "8.6", 300000));
    CHECK_THROWS(l.append(payable(b, "CN1B", "8.6", 300000)));  // no event key: the partial unique index
}

TEST_CASE("a money event key is written once: identical is a no-op, different stops the run") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    auto b = new_batch(l);
    auto line = payable(b, "CN1B", "8.6", 300000);
    line.event_key = "pay|CN1|8.6";
    REQUIRE(l.append(line));
    CHECK(l.has_event("pay|CN1|8.6"));
    CHECK_FALSE(l.has_event("pay|CN1|8.7"));
    CHECK_FALSE(l.append(line));  // the same event again: nothing written
    CHECK(l.lines({}).size() == 1);
    auto other = line;
    other.grant_id = "CN1B9";  // a corrected reprint claiming the same money
    other.amount.fen = 600000;
    CHECK_THROWS_AS(l.append(other), LedgerConflict);
}

TEST_CASE("amounts must agree with the status") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    auto b = new_batch(l);
    auto bad = payable(b, "CN1B", "8.6", 0);
    CHECK_THROWS(l.append(bad));
    bad = payable(b, "CN1B", "8.6", 300000);
    bad.status = LineStatus::rejected;  // a rejection with money and no reason
    CHECK_THROWS(l.append(bad));
}

TEST_CASE("a transaction not committed leaves nothing behind") {
    TempLedger t;
    {
        Ledger l(t.file, Ledger::Access::create);
        auto tx = l.transaction();
        auto b = new_batch(l);
        l.append(payable(b, "CN1B", "8.6", 300000));
    }
    Ledger l(t.file);
    CHECK(l.lines({}).empty());
    CHECK_FALSE(l.last_batch_id());
}

TEST_CASE("migrations apply once and the journal is WAL") {
    TempLedger t;
    { Ledger l(t.file, Ledger::Access::create); }
    Ledger l(t.file);
    CHECK(l.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(l.db().execAndGet("SELECT count(*) FROM schema_migrations").getInt() ==
          static_cast<int>(migrations().size()));
}

TEST_CASE("only create makes a ledger, and only where nothing is") {
    TempLedger t;
    CHECK_THROWS_WITH_AS(Ledger(t.file, Ledger::Access::read_write), doctest::Contains("patsub init --db"), LedgerUnusable);
    CHECK_THROWS_AS(Ledger(t.file, Ledger::Access::read_only), LedgerUnusable);
    CHECK_FALSE(std::filesystem::exists(t.file));  // a refusal creates nothing
    {
        Ledger l(t.file, Ledger::Access::create);
        l.record_origin({"host-a", "ops", "2026-12-31T17:30:00Z"});
    }
    CHECK_THROWS_WITH_AS(Ledger(t.file, Ledger::Access::create), doctest::Contains("exists already"), LedgerUnusable);
    Ledger l(t.file);
    REQUIRE(l.origin());
    CHECK(l.origin()->os_user == "ops");
}

TEST_CASE("a file that is not a patsub ledger is refused, not migrated") {
    TempLedger t;
    {
        std::ofstream text(t.file);
        text << "payee,amount\nsomeone,1\n";
    }
    CHECK_THROWS_WITH_AS(Ledger(t.file, Ledger::Access::read_write), doctest::Contains("not a patsub ledger"), LedgerUnusable);
    const auto other = t.dir / "other.sqlite";
    { SQLite::Database db(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); db.exec("CREATE TABLE x (a)"); }
    CHECK_THROWS_WITH_AS(Ledger(other, Ledger::Access::read_write), doctest::Contains("not a patsub ledger"), LedgerUnusable);
    SQLite::Database db(other.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 1);
}

TEST_CASE("a ledger file moved or replaced before commit is detected") {
    TempLedger t;
    { Ledger l(t.file, Ledger::Access::create); }
    {
        Ledger l(t.file);
        auto tx = l.transaction();
        l.append(payable(new_batch(l), "CN1B", "8.6", 300000));
        CHECK_NOTHROW(l.confirm_still_at_path());
        std::filesystem::rename(t.file, t.dir / "moved.sqlite");
        CHECK_THROWS_WITH_AS(l.confirm_still_at_path(), doctest::Contains("disappeared"), LedgerReplaced);
        { Ledger fresh(t.file, Ledger::Access::create); }
        CHECK_THROWS_WITH_AS(l.confirm_still_at_path(), doctest::Contains("another file"), LedgerReplaced);
    }
}

#include "ledger/ledger.h"
#include "ledger/payee_store.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace patsub;
using namespace patsub::ledger;

namespace {

struct TempLedger {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-payees-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::path file = dir / "ledger.sqlite";
    TempLedger() { std::filesystem::create_directories(dir); }
    ~TempLedger() { std::filesystem::remove_all(dir); }
};

std::int64_t new_batch(Ledger& l) { return l.begin_batch({"2026-01-01T00:00:00Z", "2026-01-01", "in", "p", "sha", "t"}); }

const char* const A = "91530102MA6PDC012R";
const char* const B = "91530111MA6PGY027L";

// What a run does with a payees file it takes: its rows, then the file itself.
void take(Ledger& l, const std::string& name, const std::vector<Payee>& rows, std::int64_t batch) {
    PayeeStore(l).record_snapshot("sha-" + name, "payees/" + name, rows, batch);
    l.record_file({"sha-" + name, "payees/" + name, 1, "payees", batch, 0, 0, "taken", ""});
}

}  // namespace

TEST_CASE("the registry is the latest snapshot: the file taken last, the greatest name within a run") {
    TempLedger t;
    Ledger l(t.file, Ledger::Access::create);
    PayeeStore payees(l);
    CHECK_FALSE(payees.latest_snapshot());
    CHECK_FALSE(payees.current(A));

    const auto b1 = new_batch(l);
    take(l, "a.csv", {Payee{A, "甲", {}, "530102", "银行甲", "101"}}, b1);
    take(l, "b.csv", {Payee{A, "甲", {}, "530102", "银行甲", "101"}, Payee{B, "乙", {"Yi"}, "530111", "银行乙", "202"}},
         b1);
    REQUIRE(payees.latest_snapshot());
    CHECK(payees.latest_snapshot()->path == "payees/b.csv");
    CHECK(payees.current(B)->aliases == std::vector<std::string>{"Yi"});
    CHECK(payees.snapshot_rows("sha-b.csv").size() == 2);

    // A later run's snapshot without B: B is no longer registered, its bank details not in force.
    const auto b2 = new_batch(l);
    take(l, "0-early-name.csv", {Payee{A, "甲", {}, "530102", "银行丙", "303"}}, b2);
    CHECK(payees.latest_snapshot()->path == "payees/0-early-name.csv");
    CHECK_FALSE(payees.current(B));
    CHECK(payees.current(A)->bank_account == "303");
    // The pages still name the district of a payee that left, beside its old lines.
    CHECK(payees.current_districts().at(B) == "530111");

    // B returns with another account: the change is measured against its last known row.
    const auto b3 = new_batch(l);
    take(l, "c.csv", {Payee{A, "甲", {}, "530102", "银行丙", "303"}, Payee{B, "乙", {}, "530111", "银行乙", "909"}}, b3);
    CHECK(payees.current(B)->bank_account == "909");
    const auto changes = payees.bank_changes(B);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].old_bank_account == "202");
    CHECK(changes[0].new_bank_account == "909");
}

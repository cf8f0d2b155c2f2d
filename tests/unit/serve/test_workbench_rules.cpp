// The workbench's rules that need no server: who may do what (issue 13 point 3), the
// message catalog (every key in both languages), argon2id passwords and random tokens,
// and the five-failures lock and sessions of PeopleStore (point 2).
#include "ledger/ledger.h"
#include "ledger/people_store.h"
#include "serve/access.h"
#include "serve/messages.h"
#include "serve/password.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

using namespace patsub;
using namespace patsub::serve;

TEST_CASE("each role may do its own work and nothing else") {
    const std::set<Permission> all{Permission::read,    Permission::hold,   Permission::annotate,
                                   Permission::mark_reviewed, Permission::approve, Permission::verify,
                                   Permission::download, Permission::manage_users};
    auto allowed = [&](Role r) {
        std::set<Permission> out;
        for (auto p : all)
            if (may(r, p)) out.insert(p);
        return out;
    };
    CHECK(allowed(Role::reviewer) == std::set<Permission>{Permission::read, Permission::hold, Permission::annotate,
                                                          Permission::mark_reviewed, Permission::download});
    CHECK(allowed(Role::approver) == std::set<Permission>{Permission::read, Permission::approve, Permission::download});
    CHECK(allowed(Role::auditor) == std::set<Permission>{Permission::read, Permission::verify, Permission::download});
    CHECK(allowed(Role::admin) == std::set<Permission>{Permission::manage_users});
    CHECK(allowed(Role::script).empty());
}

TEST_CASE("the catalog has every message in Chinese and English, Chinese first") {
    CHECK(catalog_complete());
    CHECK(catalog_size() > 100);
    CHECK(msg(Lang::zh, "batch.approve") != msg(Lang::en, "batch.approve"));
    CHECK_THROWS_AS(msg(Lang::zh, "no.such.key"), std::out_of_range);
    // Positional arguments: the two languages order "who" and "when" differently.
    CHECK(msg(Lang::zh, "why.approved").find("{1}") < msg(Lang::zh, "why.approved").find("{0}"));
}

TEST_CASE("passwords are stored as argon2id and checked against it") {
    setenv("PATSUB_TEST_FAST_HASH", "1", 1);
    const auto h = hash_password("correct horse battery");
    CHECK(h.rfind("$argon2id$", 0) == 0);
    CHECK(h.find("correct horse") == std::string::npos);
    CHECK(password_matches("correct horse battery", h));
    CHECK_FALSE(password_matches("correct horse batterz", h));
    CHECK(hash_password("correct horse battery") != h);  // salted
}

TEST_CASE("tokens are 256 random bits; secrets compare only when equal") {
    const auto a = random_token(), b = random_token();
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(same_secret(a, a));
    CHECK_FALSE(same_secret(a, b));
    CHECK_FALSE(same_secret("", ""));
}

TEST_CASE("five failed logins lock an account for fifteen minutes; every one is in the chain") {
    const auto dir = std::filesystem::temp_directory_path() / ("patsub-people-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        ledger::Ledger l(dir / "ledger.sqlite", ledger::Ledger::Access::create);
        ledger::PeopleStore people(l);
        const Actor op{"root", Role::script, Door::command_line, "host"};
        people.add("张三", Role::reviewer, "hash", op);
        CHECK_THROWS_AS(people.add("张三", Role::approver, "hash", op), ledger::PeopleRefused);
        CHECK_THROWS_AS(people.add("x", Role::script, "hash", op), ledger::PeopleRefused);
        const auto t0 = std::chrono::sys_seconds{std::chrono::seconds{1'800'000'000}};
        for (int i = 1; i < ledger::kFailuresBeforeLock; ++i) CHECK_FALSE(people.record_failure("张三", "wrong", "10.0.0.9", t0));
        const auto locked = people.record_failure("张三", "wrong", "10.0.0.9", t0);
        REQUIRE(locked);
        CHECK(*locked == "2027-01-15T08:15:00Z");
        CHECK(people.find("张三")->locked_until == *locked);
        int failures = 0;
        l.chain().for_each([&](const ledger::ChainEvent& e) {
            if (e.kind == "login_failed") {
                ++failures;
                CHECK(e.note.find("10.0.0.9") != std::string::npos);
            }
        });
        CHECK(failures == ledger::kFailuresBeforeLock);
        people.disable("张三", op);
        CHECK(people.find("张三")->disabled);
    }
    std::filesystem::remove_all(dir);
}

#include "ledger/people_store.h"

#include "model/clock.h"
#include "model/sha256.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

namespace patsub::ledger {

namespace {

constexpr const char* person_columns =
    "user_id, name, role, password_hash, disabled, failed_logins, locked_until, created_at";

Person read_person(SQLite::Statement& q) {
    Person p;
    p.user_id = q.getColumn(0).getInt64();
    p.name = q.getColumn(1).getString();
    p.role = role_from_name(q.getColumn(2).getString()).value_or(Role::reviewer);
    p.password_hash = q.getColumn(3).getString();
    p.disabled = q.getColumn(4).getInt() != 0;
    p.failed_logins = q.getColumn(5).getInt64();
    p.locked_until = q.getColumn(6).getString();
    p.created_at = q.getColumn(7).getString();
    return p;
}

std::string door_name(Door d) { return d == Door::workbench ? "workbench" : "command line"; }

}  // namespace

void use_small_cache(Ledger& ledger) { ledger.db().exec("PRAGMA cache_size = -2048"); }

std::string actor_note(const Actor& a) {
    return fmt::format("{} ({}, {}, {})", a.name, role_name(a.role), door_name(a.door), a.address);
}

PeopleStore::PeopleStore(Ledger& ledger) : ledger_(ledger), db_(ledger.db()) {}

void PeopleStore::record_act(const std::string& kind, const std::string& what, const Actor& who,
                             const std::string& at) {
    const std::string note = fmt::format("{}: {}", actor_note(who), what);
    ledger_.chain().append(kind, fmt::format("{}:{}", kind, who.name), sha256_hex(note), note, at);
}

Person PeopleStore::add(const std::string& name, Role role, const std::string& password_hash, const Actor& by) {
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) throw PeopleRefused("a user needs a name");
    if (role == Role::script) throw PeopleRefused("the role 'script' is the command line's, not a person's");
    auto tx = ledger_.transaction();
    if (find(name)) throw PeopleRefused(fmt::format("there is already a user named {}", name));
    const std::string at = utc_instant(now());
    SQLite::Statement q(db_, "INSERT INTO workbench_users (name, role, password_hash, created_at) VALUES (?,?,?,?)");
    SQLite::bind(q, name, std::string(role_name(role)), password_hash, at);
    q.exec();
    record_act("person", fmt::format("added user {} as {}", name, role_name(role)), by, at);
    tx.commit();
    return *find(name);
}

void PeopleStore::set_password(const std::string& name, const std::string& password_hash, const Actor& by) {
    auto tx = ledger_.transaction();
    if (!find(name)) throw PeopleRefused(fmt::format("there is no user named {}", name));
    SQLite::Statement q(db_, "UPDATE workbench_users SET password_hash = ?, failed_logins = 0, locked_until = '' "
                             "WHERE name = ?");
    SQLite::bind(q, password_hash, name);
    q.exec();
    const std::string at = utc_instant(now());
    record_act("person", fmt::format("set the password of {}", name), by, at);
    tx.commit();
}

void PeopleStore::disable(const std::string& name, const Actor& by) {
    auto tx = ledger_.transaction();
    const auto p = find(name);
    if (!p) throw PeopleRefused(fmt::format("there is no user named {}", name));
    const std::string at = utc_instant(now());
    SQLite::Statement q(db_, "UPDATE workbench_users SET disabled = 1 WHERE user_id = ?");
    q.bind(1, p->user_id);
    q.exec();
    SQLite::Statement s(db_, "UPDATE workbench_sessions SET ended_at = ? WHERE user_id = ? AND ended_at = ''");
    SQLite::bind(s, at, p->user_id);
    s.exec();
    record_act("person", fmt::format("disabled user {}", name), by, at);
    tx.commit();
}

std::optional<Person> PeopleStore::find(const std::string& name) {
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM workbench_users WHERE name = ?", person_columns));
    q.bind(1, name);
    if (!q.executeStep()) return std::nullopt;
    return read_person(q);
}

std::optional<Person> PeopleStore::find(std::int64_t user_id) {
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM workbench_users WHERE user_id = ?", person_columns));
    q.bind(1, user_id);
    if (!q.executeStep()) return std::nullopt;
    return read_person(q);
}

std::vector<Person> PeopleStore::all() {
    std::vector<Person> out;
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM workbench_users ORDER BY name", person_columns));
    while (q.executeStep()) out.push_back(read_person(q));
    return out;
}

void PeopleStore::record_login(const Person& p, const Session& s, const std::string& at) {
    auto tx = ledger_.transaction();
    SQLite::Statement r(db_, "UPDATE workbench_users SET failed_logins = 0, locked_until = '' WHERE user_id = ?");
    r.bind(1, p.user_id);
    r.exec();
    SQLite::Statement q(db_, "INSERT INTO workbench_sessions (token_sha256, user_id, csrf, address, created_at, "
                             "last_seen) VALUES (?,?,?,?,?,?)");
    SQLite::bind(q, s.token_sha256, p.user_id, s.csrf, s.address, at, at);
    q.exec();
    record_act("login", "logged in", Actor{p.name, p.role, Door::workbench, s.address}, at);
    tx.commit();
}

std::optional<std::string> PeopleStore::record_failure(const std::string& name, const std::string& why,
                                                       const std::string& address, std::chrono::sys_seconds at) {
    auto tx = ledger_.transaction();
    std::optional<std::string> locked;
    const auto p = find(name);
    if (p) {
        const std::int64_t failures = p->failed_logins + 1;
        std::string until = p->locked_until;
        if (failures >= kFailuresBeforeLock && failures % kFailuresBeforeLock == 0) {
            until = utc_instant(at + kLockTime);
            locked = until;
        }
        SQLite::Statement q(db_, "UPDATE workbench_users SET failed_logins = ?, locked_until = ? WHERE user_id = ?");
        SQLite::bind(q, failures, until, p->user_id);
        q.exec();
    }
    const Actor who{name, p ? p->role : Role::script, Door::workbench, address};
    record_act("login_failed", locked ? fmt::format("{}; locked until {}", why, *locked) : why, who, utc_instant(at));
    tx.commit();
    return locked;
}

std::optional<Session> PeopleStore::session(const std::string& token_sha256) {
    SQLite::Statement q(db_, "SELECT token_sha256, user_id, csrf, address, created_at, last_seen, ended_at "
                             "FROM workbench_sessions WHERE token_sha256 = ?");
    q.bind(1, token_sha256);
    if (!q.executeStep()) return std::nullopt;
    return Session{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString()};
}

void PeopleStore::touch(const std::string& token_sha256, const std::string& at) {
    try {
        SQLite::Statement q(db_, "UPDATE workbench_sessions SET last_seen = ? WHERE token_sha256 = ?");
        SQLite::bind(q, at, token_sha256);
        q.exec();
    } catch (const SQLite::Exception&) {
        // A nightly run holds the write lock: the session simply looks a minute older.
    }
}

void PeopleStore::end_session(const std::string& token_sha256, const Actor& who, const std::string& at) {
    auto tx = ledger_.transaction();
    SQLite::Statement q(db_, "UPDATE workbench_sessions SET ended_at = ? WHERE token_sha256 = ? AND ended_at = ''");
    SQLite::bind(q, at, token_sha256);
    q.exec();
    record_act("logout", "logged out", who, at);
    tx.commit();
}

}  // namespace patsub::ledger

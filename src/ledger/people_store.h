// PeopleStore: the workbench's named accounts and their sessions (009_people.sql). A
// password is stored only as the hash the caller made (serve/password.h); a session
// only as the SHA-256 of its cookie token. Every change of an account, and every login,
// failure and logout, is also an event in the ledger's chain naming the person, the
// role, the door and the client address (kinds `person` and `login`).
#pragma once

#include "ledger/ledger.h"
#include "model/actor.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::ledger {

// An account change that cannot be made (a name taken, an unknown user): nothing written.
class PeopleRefused : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Person {
    std::int64_t user_id = 0;
    std::string name;
    Role role = Role::reviewer;
    std::string password_hash;
    bool disabled = false;
    std::int64_t failed_logins = 0;
    std::string locked_until;  // UTC instant, '' when not locked
    std::string created_at;
};

struct Session {
    std::string token_sha256;
    std::int64_t user_id = 0;
    std::string csrf;
    std::string address;
    std::string created_at;
    std::string last_seen;
    std::string ended_at;
};

// Point 2: five failures in a row lock an account for fifteen minutes; a session ends
// after thirty idle minutes.
inline constexpr int kFailuresBeforeLock = 5;
inline constexpr std::chrono::minutes kLockTime{15};
inline constexpr std::chrono::minutes kSessionIdle{30};

// The workbench opens one connection per request, up to one per worker thread at once:
// a small page cache (2 MB instead of a run's 16 MB) keeps them inside the server's
// 100 MB bound (issue 13 point 6).
void use_small_cache(Ledger& ledger);

// A chain note naming who did something, as what, through which door, from where.
std::string actor_note(const Actor& a);

class PeopleStore {
  public:
    explicit PeopleStore(Ledger& ledger);

    // `by` is who made the change (the OS user at the command line, an admin on the
    // workbench). Each writes its chain event in the same transaction.
    Person add(const std::string& name, Role role, const std::string& password_hash, const Actor& by);
    void set_password(const std::string& name, const std::string& password_hash, const Actor& by);
    // Ends the account's open sessions too.
    void disable(const std::string& name, const Actor& by);

    std::optional<Person> find(const std::string& name);
    std::optional<Person> find(std::int64_t user_id);
    std::vector<Person> all();

    // A login that passed the password check: failures reset, session stored, event.
    void record_login(const Person& p, const Session& s, const std::string& at);
    // A failed login (unknown name, wrong password, disabled, locked): counted against a
    // known account, locking it at the fifth; an event either way. Returns the lock's end
    // when this failure locked the account.
    std::optional<std::string> record_failure(const std::string& name, const std::string& why,
                                              const std::string& address, std::chrono::sys_seconds at);

    std::optional<Session> session(const std::string& token_sha256);
    // Last seen now (best effort: a busy ledger skips it, the next request tries again).
    void touch(const std::string& token_sha256, const std::string& at);
    void end_session(const std::string& token_sha256, const Actor& who, const std::string& at);

    // Any other act a person does on the workbench that has no rows of its own (a
    // download, a verify): its note is its content.
    void record_act(const std::string& kind, const std::string& what, const Actor& who, const std::string& at);

  private:
    Ledger& ledger_;
    SQLite::Database& db_;
};

}  // namespace patsub::ledger

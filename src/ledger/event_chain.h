// EventChain: the ledger's one append-only, hash-chained log of what moves money and
// what people did (table chain_events, 008_chain.sql). Each event names what it is about
// (kind, ref) and carries the SHA-256 of those rows' content; its hash covers the hash
// before it. In keyed mode the event hash is an HMAC under a key file kept outside the
// database (PATSUB_CHAIN_KEY), so rewriting rows and re-chaining without the key shows.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace patsub::ledger {

struct ChainEvent {
    std::int64_t seq = 0;
    std::string kind;
    std::string ref;
    std::string content_hash;
    std::string note;
    std::string at;
    std::string prev_hash;
    std::string hash;
};

struct ChainHead {
    std::int64_t seq = 0;  // 0: no event yet
    std::string hash;
};

// The chain's key does not fit this ledger (missing, or another key): nothing is written.
class ChainKeyError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

class EventChain {
  public:
    // key: the key file's bytes, when keyed mode is asked for.
    EventChain(SQLite::Database& db, std::optional<std::string> key);

    ChainEvent append(const std::string& kind, const std::string& ref, const std::string& content_hash,
                      const std::string& note, const std::string& at);
    ChainHead head();
    std::optional<ChainEvent> at_seq(std::int64_t seq);
    std::optional<ChainEvent> latest(const std::string& kind, const std::string& ref);
    std::optional<ChainEvent> first(const std::string& kind, const std::string& ref);
    void for_each(const std::function<void(const ChainEvent&)>& visit);

    // The hash an event must carry after `prev`; empty when the chain is keyed and no key
    // was given (then it cannot be checked).
    std::string expected_hash(const ChainEvent& e) const;
    bool keyed() const { return mode_ == "hmac-sha256"; }
    bool can_check() const { return !keyed() || key_.has_value(); }

    // This ledger's own name among ledgers (random, made with its first event or anchor):
    // an anchor log may serve several ledgers, and a ledger heeds only its own lines.
    std::string ledger_id();

    std::optional<std::string> setting(const std::string& name);
    void set_setting(const std::string& name, const std::string& value);

  private:
    void settle_mode();

    SQLite::Database& db_;
    std::optional<std::string> key_;
    std::string mode_;  // '' until the first event
};

// The key file named by PATSUB_CHAIN_KEY, if set; throws ChainKeyError when it cannot be
// read or is shorter than 32 bytes.
std::optional<std::string> chain_key_from_environment();

inline constexpr const char* kChainGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace patsub::ledger

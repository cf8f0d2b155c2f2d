#include "ledger/event_chain.h"
#include "ledger/payee_store.h"

#include "model/sha256.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <openssl/rand.h>

#include <array>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace patsub::ledger {

namespace {

ChainEvent read_event(SQLite::Statement& q) {
    return ChainEvent{q.getColumn(0).getInt64(),  q.getColumn(1).getString(), q.getColumn(2).getString(),
                      q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                      q.getColumn(6).getString(), q.getColumn(7).getString()};
}

constexpr const char* event_columns = "seq, kind, ref, content_hash, note, at, prev_hash, hash";

}  // namespace

std::optional<std::string> chain_key_from_environment() {
    const char* path = std::getenv("PATSUB_CHAIN_KEY");
    if (path == nullptr || *path == '\0') return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ChainKeyError(fmt::format("PATSUB_CHAIN_KEY names {}, which cannot be read", path));
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() < 32) throw ChainKeyError(fmt::format("the chain key {} holds {} bytes; a key has at least 32", path, key.size()));
    return key;
}

EventChain::EventChain(SQLite::Database& db, std::optional<std::string> key) : db_(db), key_(std::move(key)) {
    // A ledger from before 008_chain opened read-only has no chain tables yet.
    SQLite::Statement q(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_settings'");
    if (q.executeStep()) mode_ = setting("mode").value_or("");
}

std::optional<std::string> EventChain::setting(const std::string& name) {
    // A ledger from before 008_chain, opened read-only, has no settings yet.
    if (!has_table(db_, "chain_settings")) return std::nullopt;
    SQLite::Statement q(db_, "SELECT value FROM chain_settings WHERE name = ?");
    q.bind(1, name);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void EventChain::set_setting(const std::string& name, const std::string& value) {
    SQLite::Statement q(db_, "INSERT OR REPLACE INTO chain_settings (name, value) VALUES (?, ?)");
    SQLite::bind(q, name, value);
    q.exec();
}

std::string EventChain::ledger_id() {
    if (auto id = setting("ledger_id")) return *id;
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("no random bytes from libcrypto for the ledger's id");
    std::string id;
    for (unsigned char b : bytes) id += fmt::format("{:02x}", b);
    set_setting("ledger_id", id);
    return id;
}

void EventChain::settle_mode() {
    ledger_id();
    const std::string fingerprint = key_ ? sha256_hex(*key_).substr(0, 16) : "";
    if (mode_.empty()) {
        mode_ = key_ ? "hmac-sha256" : "sha256";
        set_setting("mode", mode_);
        if (key_) set_setting("key_fingerprint", fingerprint);
        return;
    }
    if (keyed() && !key_)
        throw ChainKeyError("this ledger's chain is keyed: set PATSUB_CHAIN_KEY to its key file before writing");
    if (keyed() && setting("key_fingerprint").value_or("") != fingerprint)
        throw ChainKeyError("PATSUB_CHAIN_KEY is not the key this ledger's chain was started with");
    if (!keyed() && key_)
        throw ChainKeyError("this ledger's chain is not keyed; unset PATSUB_CHAIN_KEY (a chain cannot change mode)");
}

std::string EventChain::expected_hash(const ChainEvent& e) const {
    const std::string content = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", e.prev_hash, e.seq, e.kind, e.ref,
                                            e.content_hash, e.note, e.at);
    if (!keyed()) return sha256_hex(content);
    return key_ ? hmac_sha256_hex(*key_, content) : std::string();
}

ChainEvent EventChain::append(const std::string& kind, const std::string& ref, const std::string& content_hash,
                              const std::string& note, const std::string& at) {
    settle_mode();
    const ChainHead h = head();
    ChainEvent e{h.seq + 1, kind, ref, content_hash, note, at, h.seq == 0 ? kChainGenesis : h.hash, ""};
    e.hash = expected_hash(e);
    SQLite::Statement q(db_, fmt::format("INSERT INTO chain_events ({}) VALUES (?,?,?,?,?,?,?,?)", event_columns));
    SQLite::bind(q, e.seq, e.kind, e.ref, e.content_hash, e.note, e.at, e.prev_hash, e.hash);
    q.exec();
    return e;
}

ChainHead EventChain::head() {
    SQLite::Statement q(db_, "SELECT seq, hash FROM chain_events ORDER BY seq DESC LIMIT 1");
    if (!q.executeStep()) return {};
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

std::optional<ChainEvent> EventChain::at_seq(std::int64_t seq) {
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM chain_events WHERE seq = ?", event_columns));
    q.bind(1, seq);
    if (!q.executeStep()) return std::nullopt;
    return read_event(q);
}

std::optional<ChainEvent> EventChain::latest(const std::string& kind, const std::string& ref) {
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM chain_events WHERE kind = ? AND ref = ? ORDER BY seq DESC "
                                         "LIMIT 1", event_columns));
    SQLite::bind(q, kind, ref);
    if (!q.executeStep()) return std::nullopt;
    return read_event(q);
}

std::optional<ChainEvent> EventChain::first(const std::string& kind, const std::string& ref) {
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM chain_events WHERE kind = ? AND ref = ? ORDER BY seq LIMIT 1",
                                         event_columns));
    SQLite::bind(q, kind, ref);
    if (!q.executeStep()) return std::nullopt;
    return read_event(q);
}

void EventChain::for_each(const std::function<void(const ChainEvent&)>& visit) {
    SQLite::Statement q(db_, fmt::format("SELECT {} FROM chain_events ORDER BY seq", event_columns));
    while (q.executeStep()) visit(read_event(q));
}

}  // namespace patsub::ledger

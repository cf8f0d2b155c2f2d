#include "serve/password.h"

#include <sodium.h>

#include <array>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace patsub::serve {

namespace {

void init_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised (no entropy source?)");
    });
}

bool fast_hash_for_tests() {
    const char* v = std::getenv("PATSUB_TEST_FAST_HASH");
    return v != nullptr && std::string_view(v) == "1";
}

// One hash at a time: each takes 19 MiB, and twenty people logging in at once must not
// push the server past its memory bound (issue 13 point 6).
std::mutex hashing;

}  // namespace

std::string hash_password(const std::string& password) {
    init_sodium();
    const unsigned long long ops = fast_hash_for_tests() ? crypto_pwhash_OPSLIMIT_MIN : 2;
    const std::size_t mem = fast_hash_for_tests() ? crypto_pwhash_MEMLIMIT_MIN : 19u * 1024u * 1024u;
    std::array<char, crypto_pwhash_STRBYTES> out{};
    const std::lock_guard lock(hashing);
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), ops, mem) != 0)
        throw std::runtime_error("out of memory while hashing a password (argon2id needs 19 MiB)");
    return std::string(out.data());
}

bool password_matches(const std::string& password, const std::string& stored_hash) {
    init_sodium();
    const std::lock_guard lock(hashing);
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
    init_sodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data());
}

bool same_secret(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace patsub::serve

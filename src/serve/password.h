// Password hashing and the random tokens of the workbench (issue 13 point 2), on
// libsodium: argon2id through crypto_pwhash_str, tokens from randombytes_buf.
#pragma once

#include <string>

namespace patsub::serve {

// argon2id at OWASP's minimum for interactive logins (t=2, m=19 MiB), or libsodium's
// minimum when PATSUB_TEST_FAST_HASH=1 — for tests only, so that a test suite creating
// a dozen users does not spend seconds hashing; never set it on a server.
std::string hash_password(const std::string& password);
// Checks against a stored hash whatever parameters it was made with.
bool password_matches(const std::string& password, const std::string& stored_hash);

// 32 random bytes as 64 hex digits: 256 bits, for session cookies and CSRF tokens.
std::string random_token();

// Compares two strings in time independent of where they differ (CSRF tokens).
bool same_secret(const std::string& a, const std::string& b);

}  // namespace patsub::serve

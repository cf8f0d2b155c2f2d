// Content identity: inbox files, policy files and ledger lines are known by SHA-256
// (lower-case hex), so that a file seen again changes nothing and an edit is visible.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace patsub {

std::string sha256_hex(std::string_view bytes);
// Streams the file; throws std::runtime_error when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

// HMAC-SHA-256 of bytes under key, lower-case hex: the keyed form of the ledger's event
// chain, which nobody without the key file can recompute.
std::string hmac_sha256_hex(std::string_view key, std::string_view bytes);

// SHA-256 fed piece by piece: the digest of a table's rows, read one at a time.
class Sha256Stream {
  public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;
    void update(std::string_view bytes);
    std::string hex();  // finishes the digest

  private:
    struct Context;
    std::unique_ptr<Context> context_;
};

}  // namespace patsub

// Content identity: inbox files, policy files and ledger lines are known by SHA-256
// (lower-case hex), so that a file seen again changes nothing and an edit is visible.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace patsub {

std::string sha256_hex(std::string_view bytes);
// Streams the file; throws std::runtime_error when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace patsub

// PageDigest: what a backup chain (backup_chain.h) knows of a database image: the
// SHA-256 of each page, and the digest of the whole (the SHA-256 of those hashes in page
// order), with the files that carry them: `state`, `full.digest` and the header line of
// an increment. The restore and the nightly read and write them only through here.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::ledger {

using PageHash = std::array<unsigned char, 32>;

PageHash hash_page(const unsigned char* page, std::size_t size);

struct PageHashes {
    int page_size = 0;
    std::vector<PageHash> pages;  // pages[0] is page 1
    std::string digest() const;   // lower-case hex
};

// A header line "patsub-<kind> 1 key=value ...\n": the fields, or std::runtime_error
// naming `file` when it is not one of `kind`.
std::map<std::string, std::string> read_header_line(const std::filesystem::path& file, std::string_view kind,
                                                    std::string& line_out);
std::int64_t header_number(const std::map<std::string, std::string>& fields, const std::string& key,
                           const std::filesystem::path& file);

// `state`: the header line (seq, page_size, pages, digest), the hashes, then the
// SHA-256 of everything before it.
void write_state(const std::filesystem::path& file, const PageHashes& hashes, std::int64_t seq);
struct ChainState {
    std::int64_t seq = 0;
    PageHashes hashes;
};
// Throws std::runtime_error naming the file when it is unreadable or altered.
ChainState read_state(const std::filesystem::path& file);
// The increments `state` counts, from its header line only (retention and restore).
std::int64_t state_seq(const std::filesystem::path& file);

std::string hex(const unsigned char* bytes, std::size_t n);

}  // namespace patsub::ledger

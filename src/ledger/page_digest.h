// PageDigest: what a backup chain (backup_chain.h) knows of a database image: the
// SHA-256 of each page, and the digest of the whole (the SHA-256 of those hashes in page
// order), with the files that carry them: `state`, `full.digest` and the header line of
// an increment. The restore and the nightly read and write them only through here.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
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

// `full.digest`: the header line (page_size, pages, digest), the SHA-256 of every page of
// full.sqlite, then the SHA-256 of everything before it. Written once per chain.
void write_page_hashes(const std::filesystem::path& file, const PageHashes& hashes);
// Throws std::runtime_error naming the file when it is unreadable or altered.
PageHashes read_page_hashes(const std::filesystem::path& file);

// `state`, renamed last each night: how many increments count, and the page count and
// digest of the ledger the newest one produces; a few bytes, whatever the ledger's size.
struct ChainState {
    std::int64_t seq = 0;
    std::int64_t pages = 0;
    std::string digest;
};
void write_state(const std::filesystem::path& file, const ChainState& state);
// Throws std::runtime_error naming the file when it is unreadable or altered.
ChainState read_state(const std::filesystem::path& file);
std::int64_t state_seq(const std::filesystem::path& file);

// Reads increment `seq` of a chain (inc-NNNN.pages), checking that it is that increment
// for pages of hashes.page_size, that it was taken from the database `hashes` describes
// (`after` names the file before it in messages), its checksum and the digest of what it
// produces; each page goes to `page` (may be empty) and `hashes` ends as the result's.
// Throws RestoreRefused (backup_restore.h) naming the file.
void replay_increment(const std::filesystem::path& file, std::int64_t seq, PageHashes& hashes,
                      const std::string& after,
                      const std::function<void(std::int64_t pgno, const unsigned char* page)>& page,
                      const std::function<void(std::int64_t pages)>& cut_to);

std::string increment_file_name(std::int64_t seq);

std::string hex(const unsigned char* bytes, std::size_t n);

}  // namespace patsub::ledger

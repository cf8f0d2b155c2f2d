#include "batch/inbox_hashes.h"

#include "model/sha256.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace patsub::batch {

namespace {

std::int64_t nanoseconds(const struct timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + static_cast<std::int64_t>(t.tv_nsec);
}

ledger::FileFingerprint fingerprint_of(const InboxFile& f) {
    struct stat st {};
    if (::stat(f.path.c_str(), &st) != 0)
        throw std::runtime_error(f.shown + ": cannot stat the file (" + std::strerror(errno) + ")");
    return {f.shown,
            static_cast<std::int64_t>(st.st_size),
            nanoseconds(st.st_mtim),
            nanoseconds(st.st_ctim),
            static_cast<std::int64_t>(st.st_dev),
            static_cast<std::int64_t>(st.st_ino)};
}

}  // namespace

InboxHashes::InboxHashes(ledger::Ledger& ledger, Hasher hash, std::chrono::nanoseconds settle)
    : ledger_(ledger), fingerprints_(ledger),
      hash_(hash ? std::move(hash) : Hasher([](const std::filesystem::path& p) { return sha256_file(p); })),
      settle_(settle) {}

std::string InboxHashes::sha256_of(const InboxFile& f) {
    const auto before = fingerprint_of(f);
    if (auto known = fingerprints_.known_sha256(before)) return *known;
    std::string sha = hash_(f.path);
    ++hashed_;
    // A file still being written while it was read, or changed too recently to be told
    // apart from a rewrite in the same clock tick, is not remembered: the next run hashes
    // it again.
    const auto read_at = std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
    if (fingerprint_of(f) == before && read_at - before.ctime_ns >= settle_.count()) fresh_.emplace_back(before, sha);
    return sha;
}

void InboxHashes::remember() {
    if (fresh_.empty()) return;
    auto tx = ledger_.transaction();
    for (const auto& [fingerprint, sha] : fresh_) fingerprints_.remember(fingerprint, sha);
    tx.commit();
    fresh_.clear();
}

}  // namespace patsub::batch

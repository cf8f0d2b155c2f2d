// InboxFingerprints: what each inbox file looked like when its SHA-256 was last computed
// (table inbox_fingerprints, migration 012), so that a nightly recognises the files it
// has taken without reading them again (issue 17 point 2). The why of the fingerprint's
// fields, ctime above all, is in schemas/migrations/012_scale.sql.
#pragma once

#include "ledger/ledger.h"

#include <cstdint>
#include <optional>
#include <string>

namespace patsub::ledger {

struct FileFingerprint {
    std::string path;  // inbox-relative, as shown
    std::int64_t bytes = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::int64_t device = 0;
    std::int64_t inode = 0;

    bool operator==(const FileFingerprint&) const = default;
};

class InboxFingerprints {
  public:
    explicit InboxFingerprints(Ledger& ledger) : ledger_(ledger) {}
    // The SHA-256 the file had when it last looked exactly like `now`, provided the ledger
    // knows a file of that content; nullopt otherwise (the caller hashes it).
    std::optional<std::string> known_sha256(const FileFingerprint& now);
    // The file looked like `f` when it hashed to `sha256`. Kept only while the ledger
    // knows that content (source_files); otherwise a no-op.
    void remember(const FileFingerprint& f, const std::string& sha256);

  private:
    Ledger& ledger_;
};

}  // namespace patsub::ledger

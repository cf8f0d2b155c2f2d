// InboxHashes: the SHA-256 of each inbox file a run looks at, read from the file only when
// the ledger has not seen it exactly as it is now (path, size, mtime, ctime, device, inode:
// ledger::InboxFingerprints). Known deliveries cost a stat() each, not a read, so a nightly
// over an inbox of years costs what its new files cost (issue 17 point 2).
#pragma once

#include "batch/inbox.h"
#include "ledger/inbox_fingerprints.h"
#include "ledger/ledger.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace patsub::batch {

class InboxHashes {
  public:
    using Hasher = std::function<std::string(const std::filesystem::path&)>;
    // `hash` reads a file's content (sha256_file); tests count its calls. A file changed
    // (ctime) less than `settle` before it was read is not remembered: timestamps are kept
    // in clock ticks of several milliseconds, so a file rewritten within the tick it was
    // read in would still look the same (git's "racily clean" entries).
    explicit InboxHashes(ledger::Ledger& ledger, Hasher hash = {},
                         std::chrono::nanoseconds settle = std::chrono::seconds(2));
    std::string sha256_of(const InboxFile& f);
    // Keeps the fingerprints of the files hashed this run whose content the ledger knows by
    // now (taken before, or by this run's committed batch), in a transaction of its own:
    // also after a run with nothing new, whose batch is rolled back.
    void remember();
    int files_hashed() const { return hashed_; }

  private:
    ledger::Ledger& ledger_;
    ledger::InboxFingerprints fingerprints_;
    Hasher hash_;
    std::chrono::nanoseconds settle_;
    std::vector<std::pair<ledger::FileFingerprint, std::string>> fresh_;
    int hashed_ = 0;
};

}  // namespace patsub::batch

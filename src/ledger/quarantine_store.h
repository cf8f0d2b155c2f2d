// QuarantineStore: grant files a run quarantined and whether an operator has looked at
// them. A quarantine must not fade into "known file" on the next night: until someone
// acknowledges it (`patsub acknowledge`), every run lists it and exits 1.
#pragma once

#include "ledger/ledger.h"

#include <cstdint>
#include <string>
#include <vector>

namespace patsub::ledger {

struct QuarantinedFile {
    std::string sha256;
    std::string path;  // shown path, e.g. grants/x.xml
    std::string reason;
    std::int64_t batch_id = 0;
};

struct Acknowledgement {
    std::string path;
    std::string os_user;
    std::string why;
    std::string at;  // UTC instant
};

// Quarantined files no one has acknowledged, by batch then path.
std::vector<QuarantinedFile> unacknowledged_quarantines(Ledger& ledger);

// Acknowledges every unacknowledged quarantined file recorded under `a.path`; returns
// them (empty: nothing under that path waits, which the caller reports as a usage error).
std::vector<QuarantinedFile> acknowledge_quarantine(Ledger& ledger, const Acknowledgement& a);

}  // namespace patsub::ledger

// BackupChain: the nightly's backups in proportion to what changed (issue 17 point 3).
// A chain is a folder DIR/chain-<UTC>/ holding
//   full.sqlite        a byte-exact page image of the ledger (taken weekly, verified like
//                      `patsub backup`'s copy: quick_check and the hash chain),
//   full.digest        the SHA-256 of every page of that image, and its digest,
//   inc-0001.pages ... the pages that differ from the night before, one file per night,
//   state              how many increments count, and the digest the newest one gives.
// A night replays full.digest and the increments (never the full copy) to know every
// page's hash as of the last night, and writes only the pages that differ.
// A page image rather than VACUUM INTO: VACUUM rewrites every page, so nothing could be
// compared page by page with the night before. The digest of a database is the SHA-256 of
// its pages' SHA-256s in order; every increment names the digest it applies to and the
// one it produces, and ends with the SHA-256 of its own bytes, so a missing, reordered or
// altered file stops a restore naming that file (backup_restore.h).
//
// Writers wait while a night's pages are read: the WAL is checkpointed into the file
// and the write lock held (BEGIN IMMEDIATE) until the read ends, so the file holds one
// consistent state. Every file is written under a `.partial-` name, fsynced and renamed;
// `state` is renamed last, and a restore takes only the increments `state` counts, so a
// kill at any moment leaves nothing a restore would take.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace patsub::ledger {

struct ChainBackup {
    std::filesystem::path file;   // full.sqlite or inc-NNNN.pages
    bool full = false;
    std::int64_t pages = 0;       // of the ledger
    std::int64_t changed = 0;     // pages written (all of them for a full copy)
    std::int64_t bytes_written = 0;
};

// One night's backup into DIR: a new chain (full copy) when the newest chain already
// holds `full_every` restore points, has another page size or cannot be read, else one
// increment on it. Then whole chains are removed, oldest first, while the newer ones
// still hold at least `keep` restore points: never an increment without its full copy.
// Throws BackupFailed (ledger_backup.h) when the full copy fails its check.
ChainBackup back_up_chain(const std::filesystem::path& db, const std::filesystem::path& dir, int keep,
                          int full_every);

// "chain-20261231T173000Z", "chain-20261231T173000Z-2": finished chains.
bool is_chain_name(const std::string& folder_name);

}  // namespace patsub::ledger

// LedgerBackup: the operator's consistent copy of the ledger, its file page for page read
// with the WAL checkpointed into it and the write lock held (page_file.h; never a plain
// file copy, which could catch a WAL half-applied), the newest `keep` copies kept. A copy counts only once it is verified: it is written under a
// temporary name, checked (PRAGMA quick_check and the hash chain `verify` recomputes),
// fsynced and only then renamed to ledger-<UTC>.sqlite, so a kill at any moment leaves
// either no new copy or a whole, checked one. Restoring is `cp` of such a copy.
#pragma once

#include <filesystem>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::ledger {

// A copy that failed its check (removed again): the ledger or the disk needs a person.
class BackupFailed : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes DIR/ledger-<UTC timestamp>.sqlite, verified, and removes the oldest verified
// copies beyond `keep` (never the one just written). Leftover temporaries of a killed
// backup are removed. Returns the new copy's path.
std::filesystem::path back_up(const std::filesystem::path& db, const std::filesystem::path& dir, int keep);

// "ledger-20261231T173000Z.sqlite", "ledger-20261231T173000Z-2.sqlite": the names of
// finished, verified copies; nothing else in the folder is a backup.
bool is_backup_name(const std::string& file_name);

// Shared with the nightly's chains (backup_chain.h).
// What a backup writes is named with this prefix until it is whole and checked: a name no
// rotation or restore ever takes for a backup, and that the next backup removes.
inline constexpr const char* partial_prefix = ".partial-";
// A backup in a folder, named <kind>-<UTC stamp>[-N]: N counts those made in the same second.
struct StampedBackup {
    std::string stamp;
    int n = 1;
    std::filesystem::path path;
};
// The entries of `dir` whose name matches `name` (its groups: the stamp, then N when
// present) and that are folders (`folders`: chains) or regular files (copies), oldest
// first: by stamp, then by N.
std::vector<StampedBackup> stamped_backups(const std::filesystem::path& dir, const std::regex& name, bool folders);

// One backup per folder at a time: a second one would clean the first one's temporaries.
class BackupFolderLock {
  public:
    explicit BackupFolderLock(const std::filesystem::path& dir);
    ~BackupFolderLock();
    BackupFolderLock(const BackupFolderLock&) = delete;
    BackupFolderLock& operator=(const BackupFolderLock&) = delete;

  private:
    int fd_ = -1;
};
// How deep a copy is checked. A backup needs its lines back intact: every page and
// b-tree well-formed (PRAGMA quick_check, linear in the file) and the hash chain over the
// lines, recomputed. Indexes are derived from the table (REINDEX rebuilds them), and
// checking each index entry against its row (integrity_check) grows as N log N: at a
// million lines it was two thirds of a backup's CPU (issue 17 point 6). A restore, which
// is rare and is what the bureau will run on, checks everything.
enum class CopyCheck {
    lines,       // quick_check and the hash chain: `backup`, the weekly full copy
    everything,  // integrity_check and the hash chain: `restore`
};
// Throws BackupFailed naming what is wrong with the copy.
void verify_copy(const std::filesystem::path& copy, CopyCheck depth);
// fsync of a file, and of a folder (so that a rename in it survives power loss).
void sync_file(const std::filesystem::path& file);
void sync_folder(const std::filesystem::path& dir);

}  // namespace patsub::ledger

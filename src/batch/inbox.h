// Inbox: the folder layout of contract.md (grants/, payees/, abnormal/, disputes/,
// enterprises/) and the files waiting in each, in a stable order (by name), so two
// runs over the same inbox see the same sequence. grants/ is read with its subfolders
// ("grants/2026-w52/x.xml"); anything the run would not read (an entry outside the five
// folders, a folder inside a reference list) is named, never silently passed over. It is listed once, when the run
// starts: a file arriving halfway through waits for the next run. patsub never moves or
// deletes inbox files.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace patsub::batch {

struct InboxFile {
    std::filesystem::path path;  // absolute or as given
    std::string shown;           // inbox-relative, e.g. "grants/ipg230110.xml"
    std::string list;            // grants, payees, abnormal, disputes, enterprises
};

// An inbox entry that patsub will not open: a symlink (it may name any file on the
// machine), a FIFO or device (opening it would block the batch), a file this user may
// not read, an entry outside the five list folders or a folder inside a reference list.
// A person must look at it, so the run does not end with exit 0.
struct IgnoredEntry {
    std::string shown;
    std::string why;  // "not a regular file (symlink)", "not readable (Permission denied)"
};

class Inbox {
  public:
    // Lists every list folder of contract.md. Throws std::invalid_argument when `root`
    // is not a directory.
    explicit Inbox(std::filesystem::path root);
    // Regular, readable files of one list folder, sorted by shown path; hidden files and
    // folders are not part of the inbox. For grants, files in subfolders too.
    const std::vector<InboxFile>& files(const std::string& list) const;
    // Entries of any list folder that are never read, sorted by name.
    const std::vector<IgnoredEntry>& ignored() const { return ignored_; }
    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;
    std::map<std::string, std::vector<InboxFile>> files_;
    std::vector<IgnoredEntry> ignored_;
};

}  // namespace patsub::batch

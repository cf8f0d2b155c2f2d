// Inbox: the folder layout of contract.md (grants/, payees/, abnormal/, disputes/,
// enterprises/) and the files waiting in each, in a stable order (by name), so two
// runs over the same inbox see the same sequence. patsub never moves or deletes them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace patsub::batch {

struct InboxFile {
    std::filesystem::path path;  // absolute or as given
    std::string shown;           // inbox-relative, e.g. "grants/ipg230110.xml"
    std::string list;            // grants, payees, abnormal, disputes, enterprises
};

class Inbox {
  public:
    explicit Inbox(std::filesystem::path root);
    // Regular files of one list folder, sorted by name; hidden files are ignored.
    std::vector<InboxFile> files(const std::string& list) const;
    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;
};

}  // namespace patsub::batch

#include "batch/inbox.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <stdexcept>

namespace patsub::batch {

namespace {

const char* kind_of(std::filesystem::file_type type) {
    switch (type) {
        case std::filesystem::file_type::symlink: return "symlink";
        case std::filesystem::file_type::fifo: return "FIFO";
        case std::filesystem::file_type::socket: return "socket";
        case std::filesystem::file_type::block: return "block device";
        case std::filesystem::file_type::character: return "character device";
        default: return "unknown type";
    }
}

}  // namespace

Inbox::Inbox(std::filesystem::path root) : root_(std::move(root)) {
    if (!std::filesystem::is_directory(root_))
        throw std::invalid_argument(root_.string() + ": inbox is not a directory");
    const std::set<std::string> lists{"grants", "payees", "abnormal", "disputes", "enterprises"};
    // Anything else at the top (a grant file dropped beside the folders, a misspelt
    // folder) would never be read: named, and the run does not end with exit 0.
    for (const auto& e : std::filesystem::directory_iterator(root_)) {
        const auto name = e.path().filename().string();
        if (name.starts_with(".")) continue;
        if (lists.count(name) && e.is_directory()) continue;
        ignored_.push_back({name, "outside the five inbox folders (grants, payees, abnormal, disputes, enterprises)"});
    }
    for (const auto& list : lists) {
        auto& out = files_[list];
        const auto dir = root_ / list;
        if (!std::filesystem::is_directory(dir)) continue;
        // grants/ is read with its subfolders (offices deliver by week or by office);
        // the reference lists are flat. The iterator never follows a linked folder.
        for (auto it = std::filesystem::recursive_directory_iterator(dir); it != std::filesystem::recursive_directory_iterator();
             ++it) {
            const auto& e = *it;
            const auto name = e.path().filename().string();
            if (name.starts_with(".")) {
                it.disable_recursion_pending();
                continue;
            }
            const std::string shown = list + "/" + e.path().lexically_relative(dir).generic_string();
            // The entry itself, never what a symlink points at: a link in the inbox may
            // name any file on the machine (/etc/passwd), and a FIFO or device would
            // block the batch on open. Such entries are never opened, and looked at
            // again next run (issue 5; tests/hostile).
            const auto status = e.symlink_status();
            if (std::filesystem::is_directory(status)) {
                if (list != "grants") {
                    it.disable_recursion_pending();
                    ignored_.push_back({shown, "a folder inside " + list + "/ (only grants/ is read with its subfolders)"});
                }
                continue;
            }
            if (!std::filesystem::is_regular_file(status)) {
                ignored_.push_back({shown, std::string("not a regular file (") + kind_of(status.type()) + ")"});
                continue;
            }
            // Refused before any reading starts: a file that cannot be hashed would
            // otherwise fail the whole batch.
            if (::access(e.path().c_str(), R_OK) != 0) {
                ignored_.push_back({shown, std::string("not readable (") + std::strerror(errno) + ")"});
                continue;
            }
            out.push_back({e.path(), shown, list});
        }
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.shown < b.shown; });
    }
    std::sort(ignored_.begin(), ignored_.end(), [](const auto& a, const auto& b) { return a.shown < b.shown; });
}

const std::vector<InboxFile>& Inbox::files(const std::string& list) const {
    static const std::vector<InboxFile> none;
    const auto it = files_.find(list);
    return it == files_.end() ? none : it->second;
}

}  // namespace patsub::batch

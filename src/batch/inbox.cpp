#include "batch/inbox.h"

#include <algorithm>
#include <stdexcept>

namespace patsub::batch {

Inbox::Inbox(std::filesystem::path root) : root_(std::move(root)) {
    if (!std::filesystem::is_directory(root_))
        throw std::invalid_argument(root_.string() + ": inbox is not a directory");
}

std::vector<InboxFile> Inbox::files(const std::string& list) const {
    std::vector<InboxFile> out;
    const auto dir = root_ / list;
    if (!std::filesystem::is_directory(dir)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        if (!e.is_regular_file() || name.starts_with(".")) continue;
        out.push_back({e.path(), list + "/" + name, list});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.shown < b.shown; });
    return out;
}

}  // namespace patsub::batch

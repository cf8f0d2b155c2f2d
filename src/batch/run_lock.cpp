#include "batch/run_lock.h"

#include "ledger/ledger.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace patsub::batch {

namespace {

std::string read_holder(int fd) {
    char buf[256] = {};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    std::string s(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s.empty() ? "unknown holder" : s;
}

}  // namespace

RunLock::RunLock(const std::filesystem::path& db) {
    // No lock file (and no folder) beside a ledger that is not there: the command that
    // wanted the lock will refuse the path anyway.
    ledger::require_ledger_file(db);
    const auto path = db.string() + ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(fmt::format("{}: cannot open lock file: {}", path, std::strerror(errno)));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const std::string holder = read_holder(fd_);
        ::close(fd_);
        fd_ = -1;
        throw LockHeld(fmt::format("another run holds {} ({})", path, holder));
    }
    const auto text = fmt::format("pid {} started {}\n", ::getpid(), utc_instant(now()));
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, text.data(), text.size(), 0) < 0) {
        // The lock holds without the note; only the message of a second run is poorer.
    }
}

RunLock::~RunLock() {
    if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

}  // namespace patsub::batch

// RunLock: at most one `patsub run` per ledger. An flock(2) on DB.lock held for the
// whole run; the kernel drops it when the process dies, so a lock left by a killed run
// never blocks the next night. The file names the holder (pid, start time) for the
// message the second run prints.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace patsub::batch {

class LockHeld : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class RunLock {
  public:
    // Throws LockHeld at once (no waiting) when another process holds it.
    explicit RunLock(const std::filesystem::path& db);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace patsub::batch

#include "ledger/page_file.h"

#include "ledger/ledger_backup.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

namespace patsub::ledger {

namespace {
constexpr std::size_t buffer_size = 1 << 20;
constexpr std::size_t chunk_bytes = 1 << 20;
}

HeldLedger::HeldLedger(const std::filesystem::path& db)
    : file_(db), db_(db.string(), SQLite::OPEN_READWRITE, 5000) {
    // A writer may commit between the checkpoint and BEGIN IMMEDIATE: then the WAL is not
    // empty, and the lock is let go and the checkpoint taken again.
    for (int attempt = 1;; ++attempt) {
        {
            SQLite::Statement checkpoint(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
            checkpoint.executeStep();
        }
        db_.exec("BEGIN IMMEDIATE");
        std::error_code ec;
        const auto wal = std::filesystem::file_size(db.string() + "-wal", ec);
        if (ec || wal == 0) break;
        db_.exec("ROLLBACK");
        // Each checkpoint waits up to the busy timeout (5 s) for readers to finish.
        if (attempt == 6)
            throw BackupFailed(fmt::format("{}: its WAL could not be emptied into the file in 6 tries of up to 5 s "
                                           "(a reader that never ends its read?); no backup taken",
                                           db.string()));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    page_size_ = db_.execAndGet("PRAGMA page_size").getInt();
    pages_ = db_.execAndGet("PRAGMA page_count").getInt64();
    fd_ = ::open(db.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(fmt::format("{}: cannot open: {}", db.string(), std::strerror(errno)));
}

HeldLedger::~HeldLedger() {
    if (fd_ >= 0) ::close(fd_);
    try {
        db_.exec("ROLLBACK");
    } catch (const std::exception&) {  // the lock goes with the connection anyway
    }
}

void HeldLedger::read_pages(std::int64_t first, std::int64_t count, unsigned char* buf) const {
    const auto size = static_cast<std::size_t>(count * page_size_);
    std::size_t done = 0;
    while (done < size) {
        const auto n = ::pread(fd_, buf + done, size - done, static_cast<off_t>((first - 1) * page_size_) + static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw std::runtime_error(fmt::format("{}: pages {}-{} of {} cannot be read: {}", file_.string(), first,
                                                 first + count - 1, pages_,
                                                 n == 0 ? "the file is shorter than its page count" : std::strerror(errno)));
        done += static_cast<std::size_t>(n);
    }
}

void HeldLedger::for_each_chunk(
    const std::function<void(std::int64_t first, const unsigned char* pages, std::int64_t count)>& chunk) const {
    const auto size = static_cast<std::size_t>(page_size_);
    const auto chunk_pages = static_cast<std::int64_t>(std::max<std::size_t>(1, chunk_bytes / size));
    std::vector<unsigned char> buf(static_cast<std::size_t>(chunk_pages) * size);
    for (std::int64_t first = 1; first <= pages_; first += chunk_pages) {
        const auto n = std::min<std::int64_t>(chunk_pages, pages_ - first + 1);
        read_pages(first, n, buf.data());
        chunk(first, buf.data(), n);
    }
}

SyncedWriter::SyncedWriter(const std::filesystem::path& file, Checksum checksum) : file_(file), checksum_(checksum) {
    fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd_ < 0) throw std::runtime_error(fmt::format("{}: cannot create: {}", file.string(), std::strerror(errno)));
    buffer_.reserve(buffer_size);
}

SyncedWriter::~SyncedWriter() {
    if (fd_ >= 0) ::close(fd_);
}

void SyncedWriter::write(std::string_view bytes) {
    if (checksum_ == Checksum::kept) sum_.update(bytes);
    written_ += static_cast<std::int64_t>(bytes.size());
    if (buffer_.size() + bytes.size() > buffer_size) flush();
    if (bytes.size() >= buffer_size)
        write_all(bytes);  // a chunk of pages goes straight out, not through the buffer
    else
        buffer_.append(bytes);
}

void SyncedWriter::flush() {
    write_all(buffer_);
    buffer_.clear();
}

void SyncedWriter::write_all(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw std::runtime_error(fmt::format("{}: cannot write: {}", file_.string(), std::strerror(errno)));
        done += static_cast<std::size_t>(n);
    }
}

void SyncedWriter::finish() {
    flush();
    if (::fsync(fd_) != 0) throw std::runtime_error(fmt::format("{}: fsync failed: {}", file_.string(), std::strerror(errno)));
    ::close(fd_);
    fd_ = -1;
}

}  // namespace patsub::ledger

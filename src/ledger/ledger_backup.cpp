#include "ledger/ledger_backup.h"

#include "ledger/ledger.h"
#include "ledger/ledger_audit.h"
#include "model/clock.h"

#include "ledger/page_file.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <regex>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace patsub::ledger {

namespace {

const std::regex& backup_name() {
    static const std::regex re(R"(ledger-(\d{8}T\d{6}Z)(?:-(\d+))?\.sqlite)");
    return re;
}

void fsync_path(const std::filesystem::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot open to sync: {}", p.string(), std::strerror(errno)));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw std::runtime_error(fmt::format("{}: fsync failed: {}", p.string(), std::strerror(err)));
}

}  // namespace

BackupFolderLock::BackupFolderLock(const std::filesystem::path& dir) {
    const auto path = (dir / ".backup.lock").string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    if (::flock(fd_, LOCK_EX) != 0) {
        ::close(fd_);
        throw std::runtime_error(fmt::format("{}: cannot lock: {}", path, std::strerror(errno)));
    }
}

BackupFolderLock::~BackupFolderLock() { ::close(fd_); }

void sync_file(const std::filesystem::path& file) { fsync_path(file, O_RDONLY); }
void sync_folder(const std::filesystem::path& dir) { fsync_path(dir, O_RDONLY | O_DIRECTORY); }

void verify_copy(const std::filesystem::path& copy, CopyCheck depth) {
    {
        SQLite::Database db(copy.string(), SQLite::OPEN_READONLY);
        const char* pragma = depth == CopyCheck::everything ? "integrity_check" : "quick_check";
        SQLite::Statement q(db, fmt::format("PRAGMA {}", pragma));
        std::string first;
        if (q.executeStep()) first = q.getColumn(0).getString();
        if (first != "ok") throw BackupFailed(fmt::format("{}: {}", pragma, first));
    }
    Ledger copied(copy, Ledger::Access::read_only);
    const auto chain = check_chain(copied);
    if (!chain.breaches.empty())
        throw BackupFailed(fmt::format("hash chain: {} ({} breaches)", chain.breaches.front(), chain.breaches.size()));
}

namespace {

void remove_partials(const std::filesystem::path& dir) {
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().starts_with(partial_prefix)) std::filesystem::remove_all(e.path());
}

}  // namespace

std::vector<StampedBackup> stamped_backups(const std::filesystem::path& dir, const std::regex& name, bool folders) {
    std::vector<StampedBackup> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto file_name = e.path().filename().string();
        std::smatch m;
        if (!(folders ? e.is_directory() : e.is_regular_file()) || !std::regex_match(file_name, m, name)) continue;
        out.push_back({m[1].str(), m[2].matched ? std::stoi(m[2].str()) : 1, e.path()});
    }
    std::sort(out.begin(), out.end(), [](const StampedBackup& a, const StampedBackup& b) {
        return std::tie(a.stamp, a.n) < std::tie(b.stamp, b.n);
    });
    return out;
}

bool is_backup_name(const std::string& file_name) { return std::regex_match(file_name, backup_name()); }

std::filesystem::path back_up(const std::filesystem::path& db, const std::filesystem::path& dir, int keep) {
    if (keep < 1) throw std::invalid_argument("--keep must be at least 1");
    { Ledger source(db, Ledger::Access::read_only); }  // refuses a path that holds no ledger
    std::filesystem::create_directories(dir);
    const BackupFolderLock lock(dir);
    remove_partials(dir);  // a killed backup's leftovers

    const auto stamp = utc_instant_compact(now());
    auto target = dir / fmt::format("ledger-{}.sqlite", stamp);
    for (int n = 2; std::filesystem::exists(target); ++n) target = dir / fmt::format("ledger-{}-{}.sqlite", stamp, n);
    const auto partial = dir / (partial_prefix + target.filename().string());

    try {
        {
            // The ledger's own pages, not VACUUM INTO: a rewrite of every page cost three
            // times the copy at a million lines (issue 17 point 6), and the file as it was
            // is what an auditor wants back.
            const HeldLedger held(db);
            SyncedWriter image(partial, SyncedWriter::Checksum::none);
            held.for_each_chunk([&](std::int64_t, const unsigned char* pages, std::int64_t n) {
                image.write(pages, static_cast<std::size_t>(n * held.page_size()));
            });
            image.finish();
        }  // writers go on from here
        {
            // The ledger's pages say "WAL": opening a copy, even to read it, would leave
            // -wal and -shm files beside it in the backup folder (and fail on a read-only
            // one). A copy is a file on its own, as VACUUM INTO's copies were.
            SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE);
            copy.exec("PRAGMA journal_mode=DELETE");
        }
        verify_copy(partial, CopyCheck::lines);
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw BackupFailed(fmt::format("backup of {} failed, no copy kept: {}", db.string(), e.what()));
    }
    std::filesystem::rename(partial, target);
    sync_folder(dir);  // the rename itself survives power loss

    const auto copies = stamped_backups(dir, backup_name(), false);
    // The copy just written is the newest and keep >= 1: it is never among those removed.
    for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < copies.size(); ++i)
        if (copies[i].path != target) std::filesystem::remove(copies[i].path);
    return target;
}

}  // namespace patsub::ledger

#include "ledger/backup_restore.h"

#include "ledger/ledger_backup.h"
#include "ledger/page_digest.h"
#include "model/sha256.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace patsub::ledger {

namespace {

// The restore's file under construction, removed unless it is renamed to the target.
class PartialRestore {
  public:
    PartialRestore(const std::filesystem::path& full, const std::filesystem::path& target)
        : path_(target.parent_path() / (".partial-restore-" + target.filename().string())) {
        std::filesystem::remove(path_);  // a killed restore's
        std::filesystem::copy_file(full, path_);
        fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
        if (fd_ < 0) throw std::runtime_error(fmt::format("{}: cannot open: {}", path_.string(), std::strerror(errno)));
    }
    ~PartialRestore() {
        if (fd_ >= 0) ::close(fd_);
        if (!kept_) {
            std::error_code ignored;
            for (const char* side : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + side, ignored);
        }
    }
    PartialRestore(const PartialRestore&) = delete;
    PartialRestore& operator=(const PartialRestore&) = delete;

    const std::filesystem::path& path() const { return path_; }

    void read_page(std::int64_t pgno, int size, unsigned char* buf) const {
        if (::pread(fd_, buf, static_cast<std::size_t>(size), static_cast<off_t>((pgno - 1) * size)) != size)
            throw std::runtime_error(fmt::format("{}: page {} cannot be read", path_.string(), pgno));
    }
    void write_page(std::int64_t pgno, int size, const unsigned char* buf) const {
        if (::pwrite(fd_, buf, static_cast<std::size_t>(size), static_cast<off_t>((pgno - 1) * size)) != size)
            throw std::runtime_error(fmt::format("{}: page {} cannot be written: {}", path_.string(), pgno, std::strerror(errno)));
    }
    void truncate(std::int64_t pages, int size) const {
        if (::ftruncate(fd_, static_cast<off_t>(pages * size)) != 0)
            throw std::runtime_error(fmt::format("{}: cannot be cut to {} pages: {}", path_.string(), pages, std::strerror(errno)));
    }
    void finish() {
        if (::fsync(fd_) != 0) throw std::runtime_error(fmt::format("{}: fsync failed: {}", path_.string(), std::strerror(errno)));
        ::close(fd_);
        fd_ = -1;
    }
    void rename_to(const std::filesystem::path& target) {
        for (const char* side : {"-wal", "-shm"}) std::filesystem::remove(path_.string() + side);
        std::filesystem::rename(path_, target);
        kept_ = true;
    }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool kept_ = false;
};

}  // namespace

Restored restore_chain(const std::filesystem::path& chain, const std::filesystem::path& target,
                       std::optional<std::int64_t> upto) {
    const auto full = chain / "full.sqlite";
    if (!std::filesystem::is_directory(chain) || !std::filesystem::exists(full))
        throw RestoreRefused(fmt::format("{}: not a backup chain (a chain-<UTC> folder with full.sqlite in it); "
                                         "nothing restored",
                                         chain.string()));
    if (std::filesystem::exists(std::filesystem::symlink_status(target)))
        throw RestoreRefused(fmt::format("{}: exists already; restore writes a new file only (move the old one "
                                         "away first); nothing restored",
                                         target.string()));
    std::int64_t counted = 0;
    const auto state_file = chain / "state";
    if (std::filesystem::exists(state_file)) {
        try {
            counted = state_seq(state_file);
        } catch (const std::runtime_error& e) {
            if (!upto) throw RestoreRefused(fmt::format("{}; --upto N restores up to a chosen increment", e.what()));
        }
    } else if (!upto) {
        throw RestoreRefused(fmt::format("{}: missing, so which increments count is unknown; --upto N restores up "
                                         "to a chosen increment",
                                         state_file.string()));
    }
    if (upto && *upto < 0) throw RestoreRefused(fmt::format("--upto {}: an increment number is 0 or more", *upto));
    if (upto && std::filesystem::exists(state_file) && counted > 0 && *upto > counted)
        throw RestoreRefused(fmt::format("{}: the chain counts {} increments, not {}", chain.string(), counted, *upto));
    const auto last = upto ? *upto : counted;
    for (std::int64_t s = 1; s <= last; ++s)
        if (!std::filesystem::exists(chain / increment_file_name(s)))
            throw RestoreRefused(fmt::format("{}: missing; the chain counts {} increments. The ledger as it was at "
                                             "an earlier night: --upto {}; nothing restored",
                                             (chain / increment_file_name(s)).string(), last, s - 1));

    PageHashes hashes;
    std::string recorded;
    try {
        std::string line;
        const auto fields = read_header_line(chain / "full.digest", "full", line);
        hashes.page_size = static_cast<int>(header_number(fields, "page_size", chain / "full.digest"));
        recorded = fields.count("digest") ? fields.at("digest") : "";
    } catch (const std::runtime_error& e) {
        throw RestoreRefused(fmt::format("{}; nothing restored", e.what()));
    }
    if (hashes.page_size < 512 || hashes.page_size > 65536)
        throw RestoreRefused(fmt::format("{}: page size {} is not SQLite's", (chain / "full.digest").string(), hashes.page_size));

    PartialRestore out(full, target);
    const auto size = std::filesystem::file_size(out.path());
    std::vector<unsigned char> page(static_cast<std::size_t>(hashes.page_size));
    for (std::int64_t p = 1; p <= static_cast<std::int64_t>(size / static_cast<std::uintmax_t>(hashes.page_size)); ++p) {
        out.read_page(p, hashes.page_size, page.data());
        hashes.pages.push_back(hash_page(page.data(), page.size()));
    }
    if (size % static_cast<std::uintmax_t>(hashes.page_size) != 0 || hashes.digest() != recorded)
        throw RestoreRefused(fmt::format("{}: altered (its digest is not the one full.digest records); nothing restored",
                                         full.string()));
    std::string after = full.filename().string();
    for (std::int64_t s = 1; s <= last; ++s) {
        replay_increment(
            chain / increment_file_name(s), s, hashes, after,
            [&out, &hashes](std::int64_t pgno, const unsigned char* page) { out.write_page(pgno, hashes.page_size, page); },
            [&out, &hashes](std::int64_t pages) { out.truncate(pages, hashes.page_size); });
        after = increment_file_name(s);
    }
    out.finish();
    try {
        verify_copy(out.path(), CopyCheck::everything);
    } catch (const std::exception& e) {
        throw RestoreRefused(fmt::format("{}: the ledger rebuilt from it fails its check: {}; nothing restored",
                                         chain.string(), e.what()));
    }
    out.rename_to(target);
    sync_folder(target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path());
    return {last, static_cast<std::int64_t>(hashes.pages.size()), hashes.digest()};
}

}  // namespace patsub::ledger

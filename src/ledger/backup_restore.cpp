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

std::string increment_file_name(std::int64_t seq) { return fmt::format("inc-{:04}.pages", seq); }

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

void read_exact(std::ifstream& in, char* buf, std::size_t n, Sha256Stream& sum, const std::filesystem::path& file) {
    if (!in.read(buf, static_cast<std::streamsize>(n)))
        throw RestoreRefused(fmt::format("{}: cut short (it ends inside a page); restore refused", file.string()));
    sum.update(std::string_view(buf, n));
}

void apply_increment(const PartialRestore& out, const std::filesystem::path& file, std::int64_t seq,
                     PageHashes& hashes, const std::string& after) {
    std::string header;
    std::map<std::string, std::string> fields;
    std::int64_t seq_recorded = 0;
    std::int64_t page_size = 0;
    try {
        fields = read_header_line(file, "increment", header);
        seq_recorded = header_number(fields, "seq", file);
        page_size = header_number(fields, "page_size", file);
    } catch (const std::runtime_error& e) {
        throw RestoreRefused(fmt::format("{}; restore refused", e.what()));
    }
    if (seq_recorded != seq || page_size != hashes.page_size)
        throw RestoreRefused(fmt::format("{}: records increment {} of pages of {} bytes, where increment {} of pages "
                                         "of {} bytes belongs (renamed or from another chain); restore refused",
                                         file.string(), seq_recorded, page_size, seq, hashes.page_size));
    const auto current = hashes.digest();
    if (fields["base"] != current)
        throw RestoreRefused(fmt::format("{}: does not follow {}: it was taken from a ledger with digest {}, the chain "
                                         "up to it gives {} (an increment from another chain, or one before it "
                                         "altered); restore refused",
                                         file.string(), after, fields["base"].substr(0, 16), current.substr(0, 16)));

    std::ifstream in(file, std::ios::binary);
    Sha256Stream sum;
    std::string line;
    std::getline(in, line);
    sum.update(line + "\n");
    std::vector<unsigned char> page(static_cast<std::size_t>(page_size));
    for (;;) {
        unsigned char n[4];
        read_exact(in, reinterpret_cast<char*>(n), 4, sum, file);
        const std::int64_t pgno = (std::int64_t{n[0]} << 24) | (n[1] << 16) | (n[2] << 8) | n[3];
        if (pgno == 0) break;
        read_exact(in, reinterpret_cast<char*>(page.data()), page.size(), sum, file);
        out.write_page(pgno, hashes.page_size, page.data());
        if (static_cast<std::size_t>(pgno) > hashes.pages.size()) hashes.pages.resize(static_cast<std::size_t>(pgno));
        hashes.pages[static_cast<std::size_t>(pgno - 1)] = hash_page(page.data(), page.size());
    }
    std::getline(in, line);
    sum.update(line + "\n");
    std::string checksum(64, '\0');
    const bool whole = static_cast<bool>(in.read(checksum.data(), 64)) && in.peek() == std::char_traits<char>::eof();
    if (!whole || checksum != sum.hex())
        throw RestoreRefused(fmt::format("{}: altered or cut short (its checksum does not match its contents); "
                                         "restore refused",
                                         file.string()));
    std::int64_t pages = -1;
    std::string result;
    std::istringstream tail(line);
    for (std::string word; tail >> word;) {
        if (word.starts_with("pages=")) pages = std::stoll(word.substr(6));
        if (word.starts_with("result=")) result = word.substr(7);
    }
    if (pages < 1) throw RestoreRefused(fmt::format("{}: its last line names no page count; restore refused", file.string()));
    hashes.pages.resize(static_cast<std::size_t>(pages));
    out.truncate(pages, hashes.page_size);
    if (hashes.digest() != result)
        throw RestoreRefused(fmt::format("{}: the ledger it produces does not have the digest it records; restore "
                                         "refused",
                                         file.string()));
}

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
        apply_increment(out, chain / increment_file_name(s), s, hashes, after);
        after = increment_file_name(s);
    }
    out.finish();
    try {
        verify_copy(out.path());
    } catch (const std::exception& e) {
        throw RestoreRefused(fmt::format("{}: the ledger rebuilt from it fails its check: {}; nothing restored",
                                         chain.string(), e.what()));
    }
    out.rename_to(target);
    sync_folder(target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path());
    return {last, static_cast<std::int64_t>(hashes.pages.size()), hashes.digest()};
}

}  // namespace patsub::ledger

#include "ledger/anchor_log.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace patsub::ledger {

namespace {

constexpr const char* kMagic = "patsub-anchor v1";


Anchor parse(const std::string& text, long line_no, const std::filesystem::path& file) {
    std::istringstream in(text);
    std::string magic1, magic2;
    in >> magic1 >> magic2;
    if (magic1 + " " + magic2 != kMagic)
        throw std::runtime_error(fmt::format("{}:{}: not a patsub anchor line", file.string(), line_no));
    Anchor a;
    a.line_no = line_no;
    std::string field;
    while (in >> field) {
        const auto eq = field.find('=');
        if (eq == std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not name=value", file.string(), line_no, field));
        const std::string name = field.substr(0, eq), value = field.substr(eq + 1);
        try {
            if (name == "seq") a.seq = std::stoll(value);
            else if (name == "head") a.head = value;
            else if (name == "lines") a.lines = std::stoll(value);
            else if (name == "batch") a.batch = std::stoll(value);
            else if (name == "kind") a.kind = value;
            else if (name == "at") a.at = value;
            else if (name == "ledger") a.ledger = value;
        } catch (const std::exception&) {
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not a number", file.string(), line_no, field));
        }
    }
    if (a.seq <= 0 || a.head.size() != 64)
        throw std::runtime_error(fmt::format("{}:{}: an anchor needs seq and a 64-digit head", file.string(), line_no));
    return a;
}

void fsync_or_throw(int fd, const std::filesystem::path& what) {
    if (::fsync(fd) != 0)
        throw std::runtime_error(fmt::format("{}: fsync failed: {}", what.string(), std::strerror(errno)));
}

}  // namespace

std::vector<Anchor> AnchorLog::read(const std::string& ledger_id) const {
    std::vector<Anchor> out;
    std::ifstream in(file_);
    if (!in) return out;
    std::string text;
    for (long n = 1; std::getline(in, text); ++n) {
        if (text.empty()) continue;
        Anchor a = parse(text, n, file_);
        if (a.ledger == ledger_id) out.push_back(std::move(a));
    }
    return out;
}

void AnchorLog::append(const Anchor& a) const {
    const bool fresh = !std::filesystem::exists(file_);
    if (!file_.parent_path().empty()) std::filesystem::create_directories(file_.parent_path());
    const std::string text = fmt::format("{} ledger={} seq={} head={} lines={} batch={} kind={} at={}\n", kMagic,
                                         a.ledger, a.seq, a.head, a.lines, a.batch, a.kind, a.at);
    const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot open the anchor log: {}", file_.string(), std::strerror(errno)));
    const ssize_t written = ::write(fd, text.data(), text.size());
    const int write_errno = errno;
    try {
        if (written != static_cast<ssize_t>(text.size()))
            throw std::runtime_error(fmt::format("{}: cannot append to the anchor log: {}", file_.string(),
                                                 std::strerror(write_errno)));
        fsync_or_throw(fd, file_);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    if (fresh) {
        const auto dir = file_.parent_path().empty() ? std::filesystem::path(".") : file_.parent_path();
        if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
            ::fsync(dfd);
            ::close(dfd);
        }
    }
}

}  // namespace patsub::ledger

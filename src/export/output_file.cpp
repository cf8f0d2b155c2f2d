#include "export/output_file.h"

#include <iterator>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

namespace patsub::exports {

OutputFile::OutputFile(std::filesystem::path file)
    : file_(std::move(file)), partial_(file_.string() + ".partial-" + std::to_string(::getpid())) {
    if (!file_.parent_path().empty()) std::filesystem::create_directories(file_.parent_path());
    out_.open(partial_, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error(partial_.string() + ": cannot be created");
}

OutputFile::~OutputFile() {
    if (committed_) return;
    out_.close();
    std::error_code ignored;
    std::filesystem::remove(partial_, ignored);
}

namespace {

bool same_bytes(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(a, ec);
    if (ec || size != std::filesystem::file_size(b, ec) || ec) return false;
    std::ifstream in_a(a, std::ios::binary), in_b(b, std::ios::binary);
    if (!in_a || !in_b) return false;
    std::string block_a(1 << 16, '\0'), block_b(1 << 16, '\0');
    while (in_a && in_b) {
        in_a.read(block_a.data(), static_cast<std::streamsize>(block_a.size()));
        in_b.read(block_b.data(), static_cast<std::streamsize>(block_b.size()));
        if (in_a.gcount() != in_b.gcount() ||
            block_a.compare(0, static_cast<std::size_t>(in_a.gcount()), block_b, 0, static_cast<std::size_t>(in_b.gcount())) != 0)
            return false;
    }
    return in_a.eof() && in_b.eof();
}

}  // namespace

bool OutputFile::commit_unless_same() {
    out_.flush();
    out_.close();
    if (!out_) throw std::runtime_error(file_.string() + ": cannot be written (disk full?)");
    if (std::filesystem::is_regular_file(file_) && same_bytes(partial_, file_)) return false;
    sync_and_rename();
    return true;
}

void OutputFile::commit() {
    out_.flush();
    out_.close();
    if (!out_) throw std::runtime_error(file_.string() + ": cannot be written (disk full?)");
    sync_and_rename();
}

void OutputFile::sync_and_rename() {
    const int fd = ::open(partial_.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!synced) throw std::runtime_error(file_.string() + ": cannot be synced to disk");
    std::filesystem::rename(partial_, file_);
    committed_ = true;
}

std::string file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot read");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool write_unless_same(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write) {
    OutputFile out(file);
    write(out.stream());
    return out.commit_unless_same();
}

bool write_unless_same(const std::filesystem::path& file, std::string_view bytes) {
    if (std::filesystem::is_regular_file(file) && file_bytes(file) == bytes) return false;
    OutputFile out(file);
    out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.commit();
    return true;
}

}  // namespace patsub::exports

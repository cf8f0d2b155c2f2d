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

void OutputFile::commit() {
    out_.flush();
    out_.close();
    if (!out_) throw std::runtime_error(file_.string() + ": cannot be written (disk full?)");
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

bool write_unless_same(const std::filesystem::path& file, std::string_view bytes) {
    if (std::filesystem::is_regular_file(file) && file_bytes(file) == bytes) return false;
    OutputFile out(file);
    out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.commit();
    return true;
}

}  // namespace patsub::exports

#include "parsers/xml/input/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace patsub::xml {

namespace {
thread_local std::uint64_t t_file_bytes_read = 0;
}  // namespace

std::uint64_t file_bytes_read_on_this_thread() { return t_file_bytes_read; }

FileByteSource::FileByteSource(const std::filesystem::path& path) : path_(path.string()) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + path_);
    // Weekly files are read once, front to back.
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

FileByteSource::~FileByteSource() {
    if (fd_ >= 0) ::close(fd_);
}

std::size_t FileByteSource::read(char* buffer, std::size_t capacity) {
    for (;;) {
        ssize_t n = ::read(fd_, buffer, capacity);
        if (n >= 0) {
            t_file_bytes_read += static_cast<std::uint64_t>(n);
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "cannot read " + path_);
    }
}

std::size_t MemoryByteSource::read(char* buffer, std::size_t capacity) {
    std::size_t n = std::min(capacity, bytes_.size() - position_);
    std::memcpy(buffer, bytes_.data() + position_, n);
    position_ += n;
    return n;
}

}  // namespace patsub::xml

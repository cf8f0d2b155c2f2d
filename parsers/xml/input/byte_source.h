// ByteSource: where the bytes of one inbox file come from. The document splitter pulls
// from it in chunks, so a plain file today and a gzip or zip member later (the offices
// ship weekly files compressed) feed the same splitting and parsing code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace patsub::xml {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Fills up to `capacity` bytes; returns how many were written, 0 only at the end.
    // Throws std::system_error (or another std::exception) on a read failure.
    virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
};

// Reads a regular file with plain POSIX reads (no stdio buffering: the splitter already
// reads in large chunks).
class FileByteSource final : public ByteSource {
public:
    // Throws std::system_error when the file cannot be opened.
    explicit FileByteSource(const std::filesystem::path& path);
    ~FileByteSource() override;
    FileByteSource(const FileByteSource&) = delete;
    FileByteSource& operator=(const FileByteSource&) = delete;

    std::size_t read(char* buffer, std::size_t capacity) override;

private:
    int fd_ = -1;
    std::string path_;  // for error messages
};

// Bytes that FileByteSources on the calling thread have read so far (it only grows): a
// progress bar takes differences of it to show how far into a large file the reading is,
// without a hook in every layer between the file and the bar.
std::uint64_t file_bytes_read_on_this_thread();

// Serves bytes already in memory (tests, and documents that arrive inside another file).
class MemoryByteSource final : public ByteSource {
public:
    explicit MemoryByteSource(std::string bytes) : bytes_(std::move(bytes)) {}
    std::size_t read(char* buffer, std::size_t capacity) override;

private:
    std::string bytes_;
    std::size_t position_ = 0;
};

}  // namespace patsub::xml

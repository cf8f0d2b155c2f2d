// OutputFile: a file people receive, written under a temporary name beside its place and
// renamed into it only when whole and on disk (fsync), so that a kill or a full disk
// leaves the old file or none, never half a page. The temporary is removed when the
// writer gives up (RAII).
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace patsub::exports {

class OutputFile {
  public:
    explicit OutputFile(std::filesystem::path file);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream() { return out_; }
    // Flushes, fsyncs and renames; throws std::runtime_error naming the file on failure.
    void commit();
    // commit() unless the file holds exactly the bytes written already (compared a
    // block at a time); then the temporary is removed and the file left with its mtime.
    // True when committed.
    bool commit_unless_same();

  private:
    void sync_and_rename();

    std::filesystem::path file_;
    std::filesystem::path partial_;
    std::ofstream out_;
    bool committed_ = false;
};

// The bytes of a file; throws std::runtime_error naming it when it cannot be read.
std::string file_bytes(const std::filesystem::path& file);

// Writes `bytes` to `file` through an OutputFile unless the file holds exactly them
// already (a rerun restores what was lost and leaves the rest byte for byte, with its
// mtime): true when written.
bool write_unless_same(const std::filesystem::path& file, std::string_view bytes);
// The same for bytes too many to hold (a million-line notice): `write` puts them into
// the stream of an OutputFile.
bool write_unless_same(const std::filesystem::path& file, const std::function<void(std::ostream&)>& write);

}  // namespace patsub::exports

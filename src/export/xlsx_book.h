// XlsxBook: one libxlsxwriter workbook being written to a file (RAII): close() writes it
// and reports libxlsxwriter's error; a book not closed is closed by the destructor, and
// its file is then the caller's to remove. ScratchFile: the temporary file a workbook is
// written to, removed when it goes out of scope (a rename first makes that a no-op).
#pragma once

#include <filesystem>

#include <xlsxwriter.h>

namespace patsub::exports {

class XlsxBook {
  public:
    // streamed: rows go to disk as they are written (libxlsxwriter's constant_memory), for
    // a sheet as long as a batch; the treasury's few rows are kept in memory.
    enum class Rows { in_memory, streamed };
    explicit XlsxBook(const std::filesystem::path& file, Rows rows = Rows::in_memory);
    ~XlsxBook();
    XlsxBook(const XlsxBook&) = delete;
    XlsxBook& operator=(const XlsxBook&) = delete;
    lxw_workbook* get() { return wb_; }
    void close();

  private:
    lxw_workbook* wb_ = nullptr;
    std::filesystem::path file_;
};

class ScratchFile {
  public:
    explicit ScratchFile(std::filesystem::path p) : path_(std::move(p)) {}
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace patsub::exports

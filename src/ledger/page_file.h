// PageFile: the two ends of a backup chain's page traffic. HeldLedger reads a live
// ledger's pages while nobody can change them; SyncedWriter writes a chain file through
// a buffer and fsyncs it, keeping the SHA-256 of what it wrote (an increment's trailer).
#pragma once

#include "model/sha256.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace patsub::ledger {

// The ledger's file, still: its WAL checkpointed into it (TRUNCATE) and the write lock
// taken (BEGIN IMMEDIATE) with the WAL empty, so the file alone is the ledger and no
// commit or checkpoint changes it until this object is gone. Writers wait meanwhile
// (busy timeout), as they wait for a batch.
class HeldLedger {
  public:
    explicit HeldLedger(const std::filesystem::path& db);
    ~HeldLedger();
    HeldLedger(const HeldLedger&) = delete;
    HeldLedger& operator=(const HeldLedger&) = delete;

    int page_size() const { return page_size_; }
    std::int64_t pages() const { return pages_; }
    // Pages first .. first+count-1 (1-based) into buf (count * page_size bytes).
    void read_pages(std::int64_t first, std::int64_t count, unsigned char* buf) const;

  private:
    std::filesystem::path file_;
    SQLite::Database db_;
    int fd_ = -1;
    int page_size_ = 0;
    std::int64_t pages_ = 0;
};

class SyncedWriter {
  public:
    explicit SyncedWriter(const std::filesystem::path& file);  // must not exist
    ~SyncedWriter();
    SyncedWriter(const SyncedWriter&) = delete;
    SyncedWriter& operator=(const SyncedWriter&) = delete;

    void write(std::string_view bytes);
    void write(const unsigned char* bytes, std::size_t n) { write(std::string_view(reinterpret_cast<const char*>(bytes), n)); }
    std::string checksum() { return sum_.hex(); }  // of everything written so far; once
    // Flushes and fsyncs; the file is whole only after this returned.
    void finish();
    std::int64_t bytes_written() const { return written_; }

  private:
    void flush();
    std::filesystem::path file_;
    int fd_ = -1;
    std::string buffer_;
    Sha256Stream sum_;
    std::int64_t written_ = 0;
};

}  // namespace patsub::ledger

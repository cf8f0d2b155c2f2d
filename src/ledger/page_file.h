// PageFile: the two ends of a backup chain's page traffic. HeldLedger reads a live
// ledger's pages while nobody can change them; SyncedWriter writes a chain file through
// a buffer and fsyncs it, keeping the SHA-256 of what it wrote (an increment's trailer).
#pragma once

#include "model/sha256.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <functional>
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
    // Every page in order, handed over a megabyte at a time: `pages` holds `count` pages,
    // the first of them page `first`.
    void for_each_chunk(
        const std::function<void(std::int64_t first, const unsigned char* pages, std::int64_t count)>& chunk) const;

  private:
    std::filesystem::path file_;
    SQLite::Database db_;
    int fd_ = -1;
    int page_size_ = 0;
    std::int64_t pages_ = 0;
};

class SyncedWriter {
  public:
    // An increment ends with the SHA-256 of its bytes; a page image has its pages' hashes
    // (or is a plain copy) and need not pay for a second hash of every byte.
    enum class Checksum { kept, none };
    explicit SyncedWriter(const std::filesystem::path& file, Checksum checksum = Checksum::kept);  // must not exist
    ~SyncedWriter();
    SyncedWriter(const SyncedWriter&) = delete;
    SyncedWriter& operator=(const SyncedWriter&) = delete;

    void write(std::string_view bytes);
    void write(const unsigned char* bytes, std::size_t n) { write(std::string_view(reinterpret_cast<const char*>(bytes), n)); }
    std::string checksum() { return sum_.hex(); }  // of everything written so far; once; Checksum::kept only
    // Flushes and fsyncs; the file is whole only after this returned.
    void finish();
    std::int64_t bytes_written() const { return written_; }

  private:
    void flush();
    void write_all(std::string_view bytes);
    std::filesystem::path file_;
    Checksum checksum_;
    int fd_ = -1;
    std::string buffer_;
    Sha256Stream sum_;
    std::int64_t written_ = 0;
};

}  // namespace patsub::ledger

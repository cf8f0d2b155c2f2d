// AnchorLog: the file outside the database where the chain's head is written after
// every command that writes (issue 18 point 2): one line per write, appended and
// fsynced, never rewritten; a line per ledger id, so several ledgers may share a file.
// What the anchors are checked for is anchor_guard.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace patsub::ledger {

struct Anchor {
    std::int64_t seq = 0;      // chain event
    std::string head;          // its hash
    std::int64_t lines = 0;    // ledger lines at that moment
    std::int64_t batch = 0;    // newest batch at that moment
    std::string kind;          // the act anchored: batch, approval, staff_hold, recover_anchor, ...
    std::string at;            // UTC
    std::string ledger;        // the ledger's id (EventChain::ledger_id)
    long line_no = 0;          // in the log, 1-based (when read)
};


class AnchorLog {
  public:
    explicit AnchorLog(std::filesystem::path file) : file_(std::move(file)) {}
    const std::filesystem::path& file() const { return file_; }

    // Every anchor of this ledger in the log; throws std::runtime_error naming the line of
    // a malformed one.
    std::vector<Anchor> read(const std::string& ledger_id) const;
    // Appends one line and fsyncs the file (and its folder when the file is new).
    void append(const Anchor& a) const;

  private:
    std::filesystem::path file_;
};

}  // namespace patsub::ledger

// AnchorGuard: what a ledger's anchor log is for. A database restored from an older
// copy, truncated or rewritten no longer holds the newest anchored head; `run`,
// `approve`, `hold` and `release` then refuse to write until an operator records why
// with `patsub recover-anchor`, and `verify --anchors` names every anchored head the
// database lacks.
#pragma once

#include "ledger/anchor_log.h"
#include "ledger/breaches.h"
#include "ledger/ledger.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::ledger {

// The database is behind its anchor log: exit 2, nothing written.
class LedgerBehindAnchors : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

// The anchor log a command uses: the one given, else the one this ledger recorded at its
// first anchor, else `fallback` (beside OUT for run and approve). The choice is recorded
// in the ledger so that every later command anchors to the same file.
AnchorLog anchor_log_for(Ledger& ledger, const std::optional<std::filesystem::path>& given,
                         const std::filesystem::path& fallback);

// The anchor describing the ledger as it stands (after a commit).
Anchor anchor_now(Ledger& ledger, const std::string& kind, const std::string& at);

// Why the ledger cannot be written: its chain lacks, or differs at, the newest anchored
// head (nullopt when it holds it). Anchors a recorded recovery superseded are not asked.
std::optional<std::string> behind_anchors(Ledger& ledger, const AnchorLog& log);
// Throws LedgerBehindAnchors when behind_anchors says so.
void refuse_if_behind(Ledger& ledger, const AnchorLog& log);

// verify --anchors: every anchored head the ledger lacks (a breach), and those that a
// recorded `recover-anchor` acknowledged (notes).
struct AnchorFindings {
    Breaches breaches;
    std::vector<std::string> notes;
    std::size_t anchors = 0;
};
AnchorFindings check_anchors(Ledger& ledger, const AnchorLog& log);

// What was committed stands, but a file it owes could not be written (the anchor line,
// a batch output): exit 74, and the summary says the batch is committed.
class CommittedButNotWritten : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A writing command's anchor log: the ledger is checked against it before anything is
// written (LedgerBehindAnchors), and anchored after the command committed.
class AnchoredWrite {
  public:
    AnchoredWrite(Ledger& ledger, const std::optional<std::filesystem::path>& given,
                  const std::filesystem::path& fallback);
    // Appends the ledger's head; throws CommittedButNotWritten when the log cannot be written.
    void anchor(const std::string& kind);

  private:
    Ledger& ledger_;
    AnchorLog log_;
};

}  // namespace patsub::ledger

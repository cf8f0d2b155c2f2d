#include "ledger/anchor_guard.h"

#include "ledger/review_store.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace patsub::ledger {

namespace {

std::string describe(const Anchor& a) {
    return fmt::format("event {} (batch {}, {} at {}, anchor log line {})", a.seq, a.batch, a.kind, a.at, a.line_no);
}

}  // namespace

namespace {

// The log exists from the moment a ledger chooses it, so that a log missing later was
// removed, not never written.
void create_empty(const std::string& file) {
    const std::filesystem::path p(file);
    if (!p.parent_path().empty()) std::filesystem::create_directories(p.parent_path());
    if (std::filesystem::exists(p)) return;
    const int fd = ::open(p.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot create the anchor log: {}", file, std::strerror(errno)));
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

namespace {

// Records the log a ledger anchors to, from its head on, and creates the (empty) log.
AnchorLog choose(Ledger& ledger, const std::string& file) {
    EventChain& chain = ledger.chain();
    auto tx = ledger.transaction();
    chain.ledger_id();
    chain.set_setting("anchor_log", file);
    chain.set_setting("anchored_from", std::to_string(chain.head().seq));
    create_empty(file);
    tx.commit();
    return AnchorLog(file);
}

}  // namespace

AnchorLog anchor_log_for(Ledger& ledger, const std::optional<std::filesystem::path>& given,
                         const std::filesystem::path& fallback) {
    const auto recorded = ledger.chain().setting("anchor_log");
    if (!given) return recorded ? AnchorLog(*recorded) : choose(ledger, std::filesystem::absolute(fallback).lexically_normal().string());
    const std::string wanted = std::filesystem::absolute(*given).lexically_normal().string();
    if (!recorded) return choose(ledger, wanted);
    if (*recorded != wanted)
        throw LedgerBehindAnchors(fmt::format("this ledger anchors to {}, not {}: give that log (or move it back "
                                              "there); a ledger keeps one anchor log for life",
                                              *recorded, wanted));
    return AnchorLog(wanted);
}

Anchor anchor_now(Ledger& ledger, const std::string& kind, const std::string& at) {
    const ChainHead head = ledger.chain().head();
    SQLite::Statement q(ledger.db(), "SELECT COALESCE(MAX(line_id), 0), COALESCE((SELECT MAX(batch_id) FROM batches), 0) "
                                     "FROM ledger_lines");
    q.executeStep();
    return Anchor{head.seq,   head.hash, q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                  kind,       at,        ledger.chain().setting("ledger_id").value_or(""), 0};
}

namespace {

std::optional<std::string> behind(Ledger& ledger, const AnchorLog& log, const std::vector<Anchor>& anchors) {
    if (anchors.empty()) {
        // Events written since anchoring began, and no log at all: it was deleted. (An
        // empty log is a command killed between its commit and its first anchor.)
        const auto from = ledger.chain().setting("anchored_from");
        if (from && ledger.chain().head().seq > std::stoll(*from) && !std::filesystem::exists(log.file()))
            return fmt::format("the anchor log {} is missing or empty, but this ledger has been anchored to it",
                               log.file().string());
        return std::nullopt;
    }
    const Anchor& newest = anchors.back();
    const auto event = ledger.chain().at_seq(newest.seq);
    if (!event)
        return fmt::format("the ledger lacks the newest anchored {} in {}: it was restored from an older copy or "
                           "truncated",
                           describe(newest), log.file().string());
    if (event->hash != newest.head)
        return fmt::format("the ledger's event {} is not the anchored {} in {}: the ledger was rewritten or replaced",
                           newest.seq, describe(newest), log.file().string());
    return std::nullopt;
}

std::vector<Anchor> own_anchors(Ledger& ledger, const AnchorLog& log) {
    return log.read(ledger.chain().setting("ledger_id").value_or(""));
}

void refuse_if_behind(Ledger& ledger, const AnchorLog& log, const std::vector<Anchor>& anchors) {
    if (auto why = behind(ledger, log, anchors))
        throw LedgerBehindAnchors(*why + "; nothing was written. If this is known and intended (a restore after a "
                                         "disk failure), record it: patsub recover-anchor --db DB --why TEXT");
}

}  // namespace

std::optional<std::string> behind_anchors(Ledger& ledger, const AnchorLog& log) {
    return behind(ledger, log, own_anchors(ledger, log));
}

void refuse_if_behind(Ledger& ledger, const AnchorLog& log) { refuse_if_behind(ledger, log, own_anchors(ledger, log)); }

AnchorFindings check_anchors(Ledger& ledger, const AnchorLog& log) {
    AnchorFindings f;
    const auto anchors = own_anchors(ledger, log);
    f.anchors = anchors.size();
    auto holds = [&](const Anchor& a) {
        const auto e = ledger.chain().at_seq(a.seq);
        return e && e->hash == a.head;
    };
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        const Anchor& a = anchors[i];
        if (holds(a)) continue;
        bool superseded = false;
        for (std::size_t j = i + 1; j < anchors.size() && !superseded; ++j)
            superseded = anchors[j].kind == "recover_anchor" && holds(anchors[j]);
        if (superseded)
            f.notes.push_back(fmt::format("anchored {} is not in the ledger; a recorded recover-anchor acknowledged "
                                          "the loss",
                                          describe(a)));
        else
            f.breaches.push_back(fmt::format("anchored {} is not in the ledger (truncated, rolled back or rewritten)",
                                             describe(a)));
    }
    return f;
}

AnchoredWrite::AnchoredWrite(Ledger& ledger, const std::optional<std::filesystem::path>& given,
                             const std::filesystem::path& fallback)
    : ledger_(ledger), log_(anchor_log_for(ledger, given, fallback)) {
    const auto own = own_anchors(ledger_, log_);
    refuse_if_behind(ledger_, log_, own);
    // Ahead of the log (a command killed between its commit and its anchor): the head
    // descends from the newest anchor, so it is anchored now, before anything else.
    const auto head = ledger_.chain().head();
    if (head.seq > 0 && (own.empty() || own.back().seq < head.seq)) anchor("catch_up");
}

void AnchoredWrite::anchor(const std::string& kind) {
    try {
        log_.append(anchor_now(ledger_, kind, utc_timestamp()));
    } catch (const std::exception& e) {
        throw CommittedButNotWritten(fmt::format("the ledger committed, but its anchor could not be written: {}; the "
                                                 "next command will refuse until recover-anchor records it",
                                                 e.what()));
    }
}

}  // namespace patsub::ledger

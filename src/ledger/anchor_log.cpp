#include "ledger/anchor_log.h"

#include "ledger/review_store.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace patsub::ledger {

namespace {

constexpr const char* kMagic = "patsub-anchor v1";

std::string describe(const Anchor& a) {
    return fmt::format("event {} (batch {}, {} at {}, anchor log line {})", a.seq, a.batch, a.kind, a.at, a.line_no);
}

Anchor parse(const std::string& text, long line_no, const std::filesystem::path& file) {
    std::istringstream in(text);
    std::string magic1, magic2;
    in >> magic1 >> magic2;
    if (magic1 + " " + magic2 != kMagic)
        throw std::runtime_error(fmt::format("{}:{}: not a patsub anchor line", file.string(), line_no));
    Anchor a;
    a.line_no = line_no;
    std::string field;
    while (in >> field) {
        const auto eq = field.find('=');
        if (eq == std::string::npos)
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not name=value", file.string(), line_no, field));
        const std::string name = field.substr(0, eq), value = field.substr(eq + 1);
        try {
            if (name == "seq") a.seq = std::stoll(value);
            else if (name == "head") a.head = value;
            else if (name == "lines") a.lines = std::stoll(value);
            else if (name == "batch") a.batch = std::stoll(value);
            else if (name == "kind") a.kind = value;
            else if (name == "at") a.at = value;
            else if (name == "ledger") a.ledger = value;
        } catch (const std::exception&) {
            throw std::runtime_error(fmt::format("{}:{}: '{}' is not a number", file.string(), line_no, field));
        }
    }
    if (a.seq <= 0 || a.head.size() != 64)
        throw std::runtime_error(fmt::format("{}:{}: an anchor needs seq and a 64-digit head", file.string(), line_no));
    return a;
}

void fsync_or_throw(int fd, const std::filesystem::path& what) {
    if (::fsync(fd) != 0)
        throw std::runtime_error(fmt::format("{}: fsync failed: {}", what.string(), std::strerror(errno)));
}

}  // namespace

std::vector<Anchor> AnchorLog::read(const std::string& ledger_id) const {
    std::vector<Anchor> out;
    std::ifstream in(file_);
    if (!in) return out;
    std::string text;
    for (long n = 1; std::getline(in, text); ++n) {
        if (text.empty()) continue;
        Anchor a = parse(text, n, file_);
        if (a.ledger == ledger_id) out.push_back(std::move(a));
    }
    return out;
}

void AnchorLog::append(const Anchor& a) const {
    const bool fresh = !std::filesystem::exists(file_);
    if (!file_.parent_path().empty()) std::filesystem::create_directories(file_.parent_path());
    const std::string text = fmt::format("{} ledger={} seq={} head={} lines={} batch={} kind={} at={}\n", kMagic,
                                         a.ledger, a.seq, a.head, a.lines, a.batch, a.kind, a.at);
    const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(fmt::format("{}: cannot open the anchor log: {}", file_.string(), std::strerror(errno)));
    const ssize_t written = ::write(fd, text.data(), text.size());
    const int write_errno = errno;
    try {
        if (written != static_cast<ssize_t>(text.size()))
            throw std::runtime_error(fmt::format("{}: cannot append to the anchor log: {}", file_.string(),
                                                 std::strerror(write_errno)));
        fsync_or_throw(fd, file_);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    if (fresh) {
        const auto dir = file_.parent_path().empty() ? std::filesystem::path(".") : file_.parent_path();
        if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
            ::fsync(dfd);
            ::close(dfd);
        }
    }
}

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

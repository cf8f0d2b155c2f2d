#include "parsers/xml/split/docdb_prepass.h"

#include "parsers/xml/guard/byte_scan.h"
#include "parsers/xml/readers/epo_exchange.h"
#include "parsers/xml/split/iso_entities.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace patsub::xml {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kExchPrefix = "exch:";
constexpr std::string_view kPredefined[] = {"amp", "lt", "gt", "quot", "apos"};
// Longer than any name in the ISO sets (31): a longer run after '&' is left to libxml2.
constexpr std::size_t kMaxEntityName = 64;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// ASCII name characters are enough: every ISO entity name is ASCII.
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
           c == '_' || c == ':';
}

// Position just after `end_marker` at or after `from`, or npos.
std::size_t past(std::string_view text, std::size_t from, std::string_view end_marker) {
    const auto at = text.find(end_marker, from);
    return at == std::string_view::npos ? at : at + end_marker.size();
}

// Position after a DOCTYPE declaration starting at `from` ("<!DOCTYPE"), stepping over
// quoted literals and an internal subset (with its own comments and literals).
std::size_t past_doctype(std::string_view text, std::size_t from) {
    std::size_t i = from + 2;
    int subset = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            const auto close = text.find(c, i + 1);
            if (close == std::string_view::npos) return close;
            i = close + 1;
        } else if (subset > 0 && text.substr(i, 4) == "<!--") {
            i = past(text, i + 4, "-->");
            if (i == std::string_view::npos) return i;
        } else if (c == '[') {
            ++subset;
            ++i;
        } else if (c == ']') {
            --subset;
            ++i;
        } else if (c == '>' && subset <= 0) {
            return i + 1;
        } else {
            ++i;
        }
    }
    return std::string_view::npos;
}

// Where the root start tag begins: after a BOM, white space, the declaration,
// processing instructions, comments and a DOCTYPE. npos when the bytes hold no element;
// `incomplete` (when given) then says whether more bytes could still reveal one (the
// bytes are the first part of a document that is still arriving).
std::size_t root_start(std::string_view text, bool* incomplete = nullptr) {
    const auto cut_short = [incomplete] {
        if (incomplete != nullptr) *incomplete = true;
        return std::string_view::npos;
    };
    std::size_t i = text.starts_with(kBom) ? kBom.size() : 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
        } else if (text.substr(i, 2) == "<?") {
            i = past(text, i + 2, "?>");
        } else if (text.substr(i, 4) == "<!--") {
            i = past(text, i + 4, "-->");
        } else if (text.substr(i, 9) == "<!DOCTYPE") {
            i = past_doctype(text, i);
        } else if (text[i] == '<') {
            // A lone "<!DOC" at the end of what has arrived may yet be a DOCTYPE.
            const std::string_view rest = text.substr(i);
            if (incomplete != nullptr)
                for (const std::string_view opener : {"<?"sv, "<!--"sv, "<!DOCTYPE"sv})
                    if (rest.size() < opener.size() && opener.starts_with(rest)) return cut_short();
            return i;
        } else {
            return std::string_view::npos;
        }
        if (i == std::string_view::npos) return cut_short();
    }
    return cut_short();
}

std::string_view qualified_name_at(std::string_view text, std::size_t start) {
    std::size_t end = start + 1;
    while (end < text.size() && is_name_char(text[end])) ++end;
    return text.substr(start + 1, end - start - 1);
}

// Walks the start tag beginning at `start`, stepping over quoted attribute values so that
// a '>' inside one does not end the tag; `at` sees every other position and stops the
// walk by returning true. Returns where the walk stopped (the tag's '>', or the
// position `at` accepted), npos when `text` ends first.
template <class At>
std::size_t walk_start_tag(std::string_view text, std::size_t start, At at) {
    std::size_t i = start + 1;
    while (i < text.size() && text[i] != '>') {
        if (text[i] == '"' || text[i] == '\'') {
            const auto close = text.find(text[i], i + 1);
            if (close == std::string_view::npos) return close;
            i = close + 1;
            continue;
        }
        if (at(i)) return i;
        ++i;
    }
    return i < text.size() ? i : std::string_view::npos;
}

// Does the start tag beginning at `start` declare xmlns:exch?
bool declares_exch(std::string_view text, std::size_t start) {
    bool found = false;
    walk_start_tag(text, start, [&](std::size_t i) {
        found = text.substr(i, 10) == "xmlns:exch" && i > 0 && is_space(text[i - 1]) &&
                (i + 10 >= text.size() || !is_name_char(text[i + 10]));
        return found;
    });
    return found;
}

// Copies the document lazily: nothing is copied until the first change.
class Rewrite {
public:
    Rewrite(std::string_view in, std::size_t max_bytes) : in_(in), max_bytes_(max_bytes) {}

    // Replaces in_[begin, end) with `with`; false once the result would exceed the limit.
    bool replace(std::size_t begin, std::size_t end, std::string_view with) {
        if (!changed_) {
            out_.reserve(in_.size() + in_.size() / 8 + 64);
            changed_ = true;
        }
        out_.append(in_.substr(copied_, begin - copied_));
        out_.append(with);
        copied_ = end;
        return out_.size() + (in_.size() - copied_) <= max_bytes_;
    }

    bool changed() const { return changed_; }

    std::string finish() {
        out_.append(in_.substr(copied_));
        return std::move(out_);
    }

private:
    std::string_view in_;
    std::size_t max_bytes_;
    std::string out_;
    std::size_t copied_ = 0;
    bool changed_ = false;
};

DocdbPrepass too_large(std::size_t max_bytes) {
    DocdbPrepass result;
    result.outcome = DocdbPrepass::Outcome::refused;
    result.refusal = "DOCDB document larger than " + std::to_string(max_bytes) +
                     " bytes once its ISO entities are written as character references";
    return result;
}

bool is_predefined(std::string_view name) {
    for (std::string_view predefined : kPredefined)
        if (name == predefined) return true;
    return false;
}

// Whether the start tag beginning at `start` ends within `text`.
bool start_tag_ends(std::string_view text, std::size_t start) {
    return walk_start_tag(text, start, [](std::size_t) { return false; }) != std::string_view::npos;
}

// The DOCDB root of a document, read from its first bytes.
struct DocdbRoot {
    enum class Status {
        more,   // the bytes so far cannot tell (only before the end of the document)
        other,  // not a DOCDB root: nothing to repair
        docdb,
    };
    Status status = Status::other;
    std::size_t after_name = 0;    // just after the root's qualified name: where a declaration goes
    bool add_declaration = false;  // exch: used without xmlns:exch
};

// `at_end`: `text` is the whole document. Otherwise it is the document's first bytes,
// and the answer is the one the whole document would give, or `more`.
DocdbRoot find_docdb_root(std::string_view text, bool at_end) {
    using Status = DocdbRoot::Status;
    bool incomplete = false;
    const std::size_t root = root_start(text, at_end ? nullptr : &incomplete);
    if (root == std::string_view::npos) return {incomplete ? Status::more : Status::other};
    std::string_view root_name = qualified_name_at(text, root);
    const std::size_t after_name = root + 1 + root_name.size();
    if (!at_end && after_name >= text.size()) return {Status::more};  // the name may go on
    const bool prefixed = root_name.starts_with(kExchPrefix);
    if (prefixed) root_name.remove_prefix(kExchPrefix.size());
    if (root_name != "exchange-documents" && root_name != "exchange-document") return {Status::other};
    if (!prefixed) return {Status::docdb, after_name, false};
    if (!at_end && !start_tag_ends(text, root)) return {Status::more};
    return {Status::docdb, after_name, !declares_exch(text, root)};
}

std::string exch_declaration() { return " xmlns:exch=\"" + std::string(kEpoExchangeNamespace) + "\""; }

// The rewriting of ISO entity references after the root's name, over a document that may
// arrive in pieces. Comments, CDATA sections and processing instructions are stepped
// over whole, whatever piece they end in.
class ReferenceRewriter {
public:
    // Calls replace(begin, end, replacement) (positions in `text`; false stops the scan)
    // for every reference to rewrite, in order, and returns how many leading bytes of
    // `text` are settled. The rest (at most kMaxEntityName + 2 bytes: a '&' or '<' whose
    // meaning depends on bytes not yet seen, or what may begin a comment's end) must be
    // passed again, in front of the bytes that follow. `at_end`: nothing follows, all is
    // settled. npos when replace stopped the scan.
    template <class Replace>
    std::size_t scan(std::string_view text, bool at_end, Replace&& replace) {
        std::size_t i = 0;
        for (;;) {
            if (mode_ != Mode::content) {
                const std::string_view end_marker = mode_ == Mode::comment ? "-->"sv
                                                    : mode_ == Mode::cdata ? "]]>"sv
                                                                           : "?>"sv;
                const std::size_t at = text.find(end_marker, i);
                if (at == std::string_view::npos) {
                    // An unterminated comment, CDATA section or PI is libxml2's to report.
                    if (at_end) return text.size();
                    return std::max(i, text.size() - std::min(text.size(), end_marker.size() - 1));
                }
                i = at + end_marker.size();
                mode_ = Mode::content;
            }
            i = static_cast<std::size_t>(find_either(text.data() + i, text.data() + text.size(), '<', '&') - text.data());
            if (i == text.size()) return i;
            if (text[i] == '<') {
                const std::string_view rest = text.substr(i);
                if (!at_end && may_open_more(rest)) return i;
                if (rest.starts_with("<!--")) {
                    mode_ = Mode::comment;
                    i += 4;
                } else if (rest.starts_with("<![CDATA[")) {
                    mode_ = Mode::cdata;
                    i += 9;
                } else if (rest.starts_with("<?")) {
                    mode_ = Mode::pi;
                    i += 2;
                } else {
                    ++i;
                }
                continue;
            }
            // '&': a character reference, a predefined entity, an ISO entity or something
            // libxml2 will refuse.
            std::size_t end = i + 1;
            while (end < text.size() && end - i <= kMaxEntityName && is_name_char(text[end])) ++end;
            if (end == text.size() && !at_end) return i;  // the name, or the ';', may follow
            const std::string_view name = text.substr(i + 1, end - i - 1);
            if (end < text.size() && text[end] == ';' && !name.empty() && !is_predefined(name)) {
                if (const auto replacement = iso_entity(name)) {
                    if (!replace(i, end + 1, *replacement)) return std::string_view::npos;
                }
            }
            i = end;
        }
    }

private:
    enum class Mode { content, comment, cdata, pi };

    // "<", "<!", "<![CDA": more bytes decide whether a comment, CDATA section or PI opens.
    static bool may_open_more(std::string_view rest) {
        for (const std::string_view opener : {"<!--"sv, "<![CDATA["sv, "<?"sv})
            if (rest.size() < opener.size() && opener.starts_with(rest)) return true;
        return false;
    }

    Mode mode_ = Mode::content;
};

}  // namespace

DocdbBulkRoot docdb_bulk_root(std::string_view head, bool at_end) {
    using Status = DocdbBulkRoot::Status;
    const auto only = [](Status status) {
        DocdbBulkRoot r;
        r.status = status;
        return r;
    };
    bool incomplete = false;
    const std::size_t root = root_start(head, at_end ? nullptr : &incomplete);
    if (root == std::string_view::npos) return only(incomplete ? Status::more : Status::other);
    const std::string_view name = qualified_name_at(head, root);
    if (!at_end && root + 1 + name.size() >= head.size()) return only(Status::more);
    const std::size_t colon = name.find(':');
    const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    if (local != "exchange-documents") return only(Status::other);
    const std::size_t close = walk_start_tag(head, root, [](std::size_t) { return false; });
    if (close == std::string_view::npos) return only(at_end ? Status::other : Status::more);
    if (head[close - 1] == '/') return only(Status::other);  // an empty root: nothing to cut
    return {Status::bulk, close + 1, name, colon == std::string_view::npos ? std::string_view() : name.substr(0, colon + 1)};
}

DocdbPrepass docdb_prepass(std::string_view document, std::size_t max_bytes) {
    const DocdbRoot root = find_docdb_root(document, true);
    if (root.status != DocdbRoot::Status::docdb) return {};
    // Every repair after the root's name starts at a '&': a document without one (most
    // DOCDB records) needs no walk from tag to tag.
    const std::string_view after_name = document.substr(root.after_name);
    if (!root.add_declaration && std::memchr(after_name.data(), '&', after_name.size()) == nullptr) return {};

    Rewrite rewrite(document, max_bytes);
    if (root.add_declaration && !rewrite.replace(root.after_name, root.after_name, exch_declaration()))
        return too_large(max_bytes);
    // From the root's name on: the name itself holds no '<' or '&'.
    ReferenceRewriter references;
    const std::size_t scanned =
        references.scan(document.substr(root.after_name), true,
                        [&](std::size_t begin, std::size_t end, std::string_view with) {
                            return rewrite.replace(root.after_name + begin, root.after_name + end, with);
                        });
    if (scanned == std::string_view::npos) return too_large(max_bytes);

    if (!rewrite.changed()) return {};
    DocdbPrepass result;
    result.outcome = DocdbPrepass::Outcome::repaired;
    result.bytes = rewrite.finish();
    return result;
}

// The streaming pre-pass: `pending` holds bytes read and not yet settled, `out` the
// repaired bytes not yet served.
struct DocdbRepairSource::State {
    enum class Phase {
        head,    // reading up to the root's start tag
        repair,  // a DOCDB root: rewriting references as the bytes come
        pass,    // not DOCDB: the rest goes through untouched
        done,
    };
    // What is read from the document at a time.
    static constexpr std::size_t kPiece = std::size_t{64} << 10;
    // The prolog and root start tag held at most while looking for the root.
    static constexpr std::size_t kMaxHead = std::size_t{1} << 20;

    Phase phase = Phase::head;
    std::string pending;
    std::string out;
    std::size_t served = 0;  // bytes of `out` already handed on
    ReferenceRewriter references;

    // Appends up to kPiece bytes of the document to `pending`; false at its end.
    bool read_more(ByteSource& document) {
        const std::size_t old = pending.size();
        pending.resize(old + kPiece);
        const std::size_t n = document.read(pending.data() + old, kPiece);
        pending.resize(old + n);
        return n > 0;
    }

    // Fills `out` with the next repaired bytes (possibly none, as long as the phase moves on).
    void step(ByteSource& document) {
        if (phase == Phase::head) {
            // Looked at again each time the bytes held double: the start tag is found in
            // the first few hundred bytes of a real file, and a long prolog costs no
            // more than reading it.
            const std::size_t wanted = std::max<std::size_t>(pending.size() * 2, 1024);
            bool at_end = false;
            while (!at_end && pending.size() < wanted) at_end = !read_more(document);
            const DocdbRoot root = find_docdb_root(pending, at_end);
            if (root.status == DocdbRoot::Status::more && pending.size() < kMaxHead) return;
            if (root.status != DocdbRoot::Status::docdb) {
                out.swap(pending);
                std::string().swap(pending);
                phase = at_end ? Phase::done : Phase::pass;
                return;
            }
            out.assign(pending, 0, root.after_name);
            if (root.add_declaration) out += exch_declaration();
            pending.erase(0, root.after_name);
            phase = Phase::repair;
            rewrite(at_end);
            return;
        }
        rewrite(!read_more(document));
    }

    // Moves the settled part of `pending`, rewritten, to `out`.
    void rewrite(bool at_end) {
        std::size_t copied = 0;
        const std::size_t settled = references.scan(pending, at_end,
                                                    [&](std::size_t begin, std::size_t end, std::string_view with) {
                                                        out.append(pending, copied, begin - copied);
                                                        out.append(with);
                                                        copied = end;
                                                        return true;
                                                    });
        out.append(pending, copied, settled - copied);
        pending.erase(0, settled);
        if (at_end) phase = Phase::done;
    }
};

DocdbRepairSource::DocdbRepairSource(ByteSource& document)
    : document_(document), state_(std::make_unique<State>()) {}

DocdbRepairSource::~DocdbRepairSource() = default;

std::size_t DocdbRepairSource::read(char* buffer, std::size_t capacity) {
    State& s = *state_;
    for (;;) {
        if (s.served < s.out.size()) {
            const std::size_t n = std::min(capacity, s.out.size() - s.served);
            std::memcpy(buffer, s.out.data() + s.served, n);
            s.served += n;
            return n;
        }
        s.out.clear();
        s.served = 0;
        switch (s.phase) {
            case State::Phase::pass: return document_.read(buffer, capacity);
            case State::Phase::done: return 0;
            case State::Phase::head:
            case State::Phase::repair: s.step(document_); break;
        }
    }
}

}  // namespace patsub::xml

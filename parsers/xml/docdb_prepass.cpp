#include "parsers/xml/docdb_prepass.h"

#include "parsers/xml/epo_exchange.h"
#include "parsers/xml/iso_entities.h"

#include <optional>

namespace patsub::xml {

namespace {

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
// processing instructions, comments and a DOCTYPE. npos when the bytes hold no element.
std::size_t root_start(std::string_view text) {
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
            return i;
        } else {
            return std::string_view::npos;
        }
        if (i == std::string_view::npos) return i;
    }
    return std::string_view::npos;
}

std::string_view qualified_name_at(std::string_view text, std::size_t start) {
    std::size_t end = start + 1;
    while (end < text.size() && is_name_char(text[end])) ++end;
    return text.substr(start + 1, end - start - 1);
}

// Does the start tag beginning at `start` declare xmlns:exch? Attribute values are
// stepped over so that a '>' inside one does not end the tag.
bool declares_exch(std::string_view text, std::size_t start) {
    std::size_t i = start + 1;
    while (i < text.size() && text[i] != '>') {
        if (text[i] == '"' || text[i] == '\'') {
            const auto close = text.find(text[i], i + 1);
            if (close == std::string_view::npos) return false;
            i = close + 1;
            continue;
        }
        if (text.substr(i, 10) == "xmlns:exch" && i > 0 && is_space(text[i - 1]) &&
            (i + 10 >= text.size() || !is_name_char(text[i + 10])))
            return true;
        ++i;
    }
    return false;
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

}  // namespace

DocdbPrepass docdb_prepass(std::string_view document, std::size_t max_bytes) {
    const std::size_t root = root_start(document);
    if (root == std::string_view::npos) return {};
    std::string_view root_name = qualified_name_at(document, root);
    const bool prefixed = root_name.starts_with(kExchPrefix);
    if (prefixed) root_name.remove_prefix(kExchPrefix.size());
    if (root_name != "exchange-documents" && root_name != "exchange-document") return {};

    Rewrite rewrite(document, max_bytes);
    if (prefixed && !declares_exch(document, root)) {
        const std::size_t after_name = root + 1 + kExchPrefix.size() + root_name.size();
        const std::string declaration = " xmlns:exch=\"" + std::string(kEpoExchangeNamespace) + "\"";
        if (!rewrite.replace(after_name, after_name, declaration)) return too_large(max_bytes);
    }

    std::size_t i = root;
    while (i < document.size()) {
        const std::size_t next = document.find_first_of("<&", i);
        if (next == std::string_view::npos) break;
        i = next;
        if (document[i] == '<') {
            const std::string_view rest = document.substr(i);
            std::size_t skipped = i + 1;
            if (rest.starts_with("<!--"))
                skipped = past(document, i + 4, "-->");
            else if (rest.starts_with("<![CDATA["))
                skipped = past(document, i + 9, "]]>");
            else if (rest.starts_with("<?"))
                skipped = past(document, i + 2, "?>");
            // An unterminated comment, CDATA section or PI is libxml2's to report.
            if (skipped == std::string_view::npos) break;
            i = skipped;
            continue;
        }
        // '&': a character reference, a predefined entity, an ISO entity or something
        // libxml2 will refuse.
        std::size_t end = i + 1;
        while (end < document.size() && end - i <= kMaxEntityName && is_name_char(document[end])) ++end;
        const std::string_view name = document.substr(i + 1, end - i - 1);
        if (end < document.size() && document[end] == ';' && !name.empty() && !is_predefined(name)) {
            if (const auto replacement = iso_entity(name)) {
                if (!rewrite.replace(i, end + 1, *replacement)) return too_large(max_bytes);
            }
        }
        i = end;
    }

    if (!rewrite.changed()) return {};
    DocdbPrepass result;
    result.outcome = DocdbPrepass::Outcome::repaired;
    result.bytes = rewrite.finish();
    return result;
}

}  // namespace patsub::xml

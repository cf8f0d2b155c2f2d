#include "parsers/xml/markup_bounds.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <vector>

namespace patsub::xml {

namespace {

using namespace std::string_view_literals;

constexpr std::size_t npos = std::string_view::npos;

// The document as code units (bytes, or UTF-16 units), each seen as its ASCII character
// or, when it is not ASCII, as a byte the scan never looks for.
class Units {
public:
    Units(std::string_view bytes, std::size_t begin, std::size_t width, bool little)
        : bytes_(bytes.substr(begin)), width_(width), little_(little), size_(bytes_.size() / width) {}

    std::size_t size() const { return size_; }

    char at(std::size_t i) const {
        if (width_ == 1) return bytes_[i];
        const auto low = static_cast<unsigned char>(bytes_[2 * i + (little_ ? 0 : 1)]);
        const auto high = static_cast<unsigned char>(bytes_[2 * i + (little_ ? 1 : 0)]);
        return high == 0 && low < 0x80 ? static_cast<char>(low) : '\x80';
    }

    bool starts_with(std::size_t i, std::string_view text) const {
        if (i > size_ || size_ - i < text.size()) return false;
        for (std::size_t k = 0; k < text.size(); ++k)
            if (at(i + k) != text[k]) return false;
        return true;
    }

    // First position >= from holding c, or npos.
    std::size_t find(std::size_t from, char c) const {
        if (from >= size_) return npos;
        if (width_ == 1) {
            const void* hit = std::memchr(bytes_.data() + from, c, size_ - from);
            return hit == nullptr ? npos : static_cast<std::size_t>(static_cast<const char*>(hit) - bytes_.data());
        }
        for (std::size_t i = from; i < size_; ++i)
            if (at(i) == c) return i;
        return npos;
    }

    // The position just after the next `text` at or after from, or size() when none.
    std::size_t past(std::size_t from, std::string_view text) const {
        for (std::size_t i = find(from, text[0]); i != npos; i = find(i + 1, text[0]))
            if (starts_with(i, text)) return i + text.size();
        return size_;
    }

    long line_of(std::size_t position) const {
        long line = 1;
        for (std::size_t i = 0; i < position && i < size_; ++i)
            if (at(i) == '\n') ++line;
        return line;
    }

private:
    std::string_view bytes_;
    std::size_t width_;
    bool little_;
    std::size_t size_;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Scans one document; `next_` moves forward only.
class Scan {
public:
    Scan(const Units& units, const MarkupBoundsLimits& limits) : u_(units), limits_(limits) {}

    std::optional<MarkupViolation> run() {
        std::size_t i = 0;
        while ((i = u_.find(i, '<')) != npos) {
            if (u_.starts_with(i, "<!--")) {
                i = u_.past(i + 4, "-->");
            } else if (u_.starts_with(i, "<![CDATA[")) {
                i = u_.past(i + 9, "]]>");
            } else if (u_.starts_with(i, "<?")) {
                i = u_.past(i + 2, "?>");
            } else if (u_.starts_with(i, "<!DOCTYPE")) {
                if (auto violation = doctype(i + 9, i)) return violation;
            } else if (u_.starts_with(i, "</")) {
                end_tag();
                i = u_.past(i + 2, ">");
            } else if (u_.starts_with(i, "<!")) {
                i = u_.past(i + 1, ">");
            } else if (auto violation = start_tag(i + 1, i)) {
                return violation;
            }
        }
        return std::nullopt;
    }

private:
    // Counts the '=' outside quoted values up to the tag's '>' (a '<' outside quotes ends
    // it too: libxml2 refuses such a tag before reading further attributes). Each
    // attribute has one, so the count bounds the attributes libxml2 would compare.
    // Namespace declarations are counted apart: libxml2 searches every declaration in
    // scope for each element (62,000 in scope made 100,000 elements take 90 s).
    std::optional<MarkupViolation> start_tag(std::size_t from, std::size_t& next) {
        int equals = 0;
        int namespaces = 0;
        char quote = 0;
        std::size_t i = from;
        for (; i < u_.size(); ++i) {
            const char c = u_.at(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                if (++equals > limits_.max_attributes)
                    return violation(from, "a start tag with more than " + std::to_string(limits_.max_attributes) +
                                               " attributes");
                if (declares_namespace(from, i)) ++namespaces;
            } else if (c == '>' || c == '<') {
                break;
            }
        }
        next = i;
        std::size_t last = i;  // the character before '>' says whether the element is empty
        while (last > from && is_space(u_.at(last - 1))) --last;
        const bool empty = i < u_.size() && u_.at(i) == '>' && last > from && u_.at(last - 1) == '/';
        if (in_scope_ + namespaces > limits_.max_namespaces_in_scope)
            return violation(from, "more than " + std::to_string(limits_.max_namespaces_in_scope) +
                                       " namespace declarations in scope");
        if (!empty) {
            open_.push_back(namespaces);
            in_scope_ += namespaces;
        }
        return std::nullopt;
    }

    void end_tag() {
        if (open_.empty()) return;  // unbalanced: libxml2 refuses it
        in_scope_ -= open_.back();
        open_.pop_back();
    }

    // Whether the attribute whose '=' is at `equals` is xmlns or xmlns:prefix.
    bool declares_namespace(std::size_t tag, std::size_t equals) const {
        std::size_t end = equals;
        while (end > tag && is_space(u_.at(end - 1))) --end;
        std::size_t begin = end;
        while (begin > tag && !is_space(u_.at(begin - 1)) && u_.at(begin - 1) != '"' && u_.at(begin - 1) != '\'')
            --begin;
        return u_.starts_with(begin, "xmlns") && (end - begin == 5 || u_.at(begin + 5) == ':');
    }

    // The end of a declaration: its '>' outside quoted literals.
    std::size_t declaration_end(std::size_t from) const {
        char quote = 0;
        for (std::size_t i = from; i < u_.size(); ++i) {
            const char c = u_.at(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return u_.size();
    }

    std::optional<MarkupViolation> doctype(std::size_t from, std::size_t& next) {
        // The name and external id, up to the internal subset or the end.
        char quote = 0;
        std::size_t i = from;
        for (; i < u_.size(); ++i) {
            const char c = u_.at(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>' || c == '[') {
                break;
            }
        }
        if (i >= u_.size() || u_.at(i) == '>') {
            next = i + 1;
            return std::nullopt;
        }
        const std::size_t subset = i + 1;
        for (i = subset;;) {
            while (i < u_.size() && is_space(u_.at(i))) ++i;
            if (i - subset > limits_.max_internal_subset_size)
                return violation(subset, "an internal DTD subset longer than " +
                                             std::to_string(limits_.max_internal_subset_size) + " characters");
            if (i >= u_.size()) break;
            if (u_.at(i) == ']') {
                next = u_.past(i + 1, ">");
                return std::nullopt;
            }
            if (u_.at(i) == '%') return violation(i, "a parameter entity reference in the internal DTD subset");
            if (u_.starts_with(i, "<!--")) {
                i = u_.past(i + 4, "-->");
            } else if (u_.starts_with(i, "<?")) {
                i = u_.past(i + 2, "?>");
            } else if (u_.starts_with(i, "<!ENTITY")) {
                std::size_t name = i + 8;
                while (name < u_.size() && is_space(u_.at(name))) ++name;
                if (name < u_.size() && u_.at(name) == '%')
                    return violation(i, "a parameter entity declaration in the internal DTD subset");
                i = declaration_end(name);
            } else if (u_.starts_with(i, "<!ATTLIST")) {
                return violation(i, "an attribute-list declaration in the internal DTD subset (it would add "
                                    "attributes to every element it names)");
            } else if (u_.starts_with(i, "<!ELEMENT") || u_.starts_with(i, "<!NOTATION")) {
                i = declaration_end(i + 2);
            } else {
                break;  // not a declaration: libxml2 refuses the subset there
            }
        }
        next = i;
        return std::nullopt;
    }

    MarkupViolation violation(std::size_t at, std::string message) const {
        return MarkupViolation{u_.line_of(at), std::move(message)};
    }

    const Units& u_;
    const MarkupBoundsLimits& limits_;
    std::vector<int> open_;  // namespace declarations of each open element
    long in_scope_ = 0;
};

// The encoding an 8-bit document's XML declaration names, if it names one.
std::optional<std::string> declared_encoding(std::string_view bytes) {
    if (!bytes.starts_with("<?xml") || bytes.size() < 6 || !is_space(bytes[5])) return std::nullopt;
    const std::string_view declaration = bytes.substr(0, std::min<std::size_t>(bytes.find("?>"), 1024));
    const auto key = declaration.find("encoding");
    if (key == npos) return std::nullopt;
    const auto open = declaration.find_first_of("\"'", key);
    if (open == npos) return std::nullopt;
    const auto close = declaration.find(declaration[open], open + 1);
    if (close == npos) return std::nullopt;
    return std::string(declaration.substr(open + 1, close - open - 1));
}

// Encodings in which every byte below 0x40 is the ASCII character it looks like: UTF-8,
// ASCII, the ISO 8859 and Windows single-byte sets, and the CJK multi-byte sets offices
// used (their trail bytes start at 0x40). Names compare without case, '-' or '_'.
bool markup_is_ascii_in(std::string_view name) {
    std::string key;
    for (const char c : name)
        if (c != '-' && c != '_' && c != ' ') key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    static constexpr std::array exact = {"UTF8"sv,    "USASCII"sv, "ASCII"sv,   "GB2312"sv,  "GBK"sv,
                                         "CP936"sv,   "GB18030"sv, "BIG5"sv,    "BIG5HKSCS"sv, "CP950"sv,
                                         "SHIFTJIS"sv, "SJIS"sv,   "CP932"sv,   "WINDOWS31J"sv, "MSKANJI"sv,
                                         "EUCJP"sv,   "EUCKR"sv,   "EUCCN"sv,   "EUCTW"sv,   "CP949"sv,
                                         "UHC"sv,     "KOI8R"sv,   "KOI8U"sv,   "TIS620"sv};
    for (const std::string_view known : exact)
        if (key == known) return true;
    for (const std::string_view family : {"ISO8859"sv, "LATIN"sv, "WINDOWS125"sv, "CP125"sv})
        if (key.starts_with(family) && key.size() > family.size() && key.size() <= family.size() + 2 &&
            std::isdigit(static_cast<unsigned char>(key[family.size()])))
            return true;
    return false;
}

}  // namespace

std::optional<MarkupViolation> check_markup_bounds(std::string_view document, const MarkupBoundsLimits& limits) {
    const auto starts = [document](std::string_view head) { return document.starts_with(head); };
    // libxml2's own detection from the first four bytes (xmlDetectCharEncoding).
    if (starts("\0\0\0<"sv) || starts("<\0\0\0"sv) || starts("\0\0<\0"sv) || starts("\0<\0\0"sv))
        return MarkupViolation{1, "a UCS-4 document: patsub reads UTF-8, UTF-16 and ASCII-compatible encodings"};
    if (starts("\x4C\x6F\xA7\x94"sv))
        return MarkupViolation{1, "an EBCDIC document: patsub reads UTF-8, UTF-16 and ASCII-compatible encodings"};
    if (starts("\xFF\xFE"sv)) return Scan(Units(document, 2, 2, true), limits).run();
    if (starts("\xFE\xFF"sv)) return Scan(Units(document, 2, 2, false), limits).run();
    if (starts("<\0?\0"sv)) return Scan(Units(document, 0, 2, true), limits).run();
    if (starts("\0<\0?"sv)) return Scan(Units(document, 0, 2, false), limits).run();
    const std::size_t begin = starts("\xEF\xBB\xBF"sv) ? 3 : 0;
    if (const auto name = declared_encoding(document.substr(begin)); name && !markup_is_ascii_in(*name)) {
        std::string key;
        for (const char c : *name)
            if (c != '-' && c != '_') key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        // libxml2 itself refuses plain "UTF-16" in an 8-bit document; the variants it
        // would switch to (UTF-16LE, UCS-2, ...) are refused here.
        if (key != "UTF16") {
            if (key.starts_with("UTF16") || key.starts_with("UTF32") || key.starts_with("UCS"))
                return MarkupViolation{1, "an 8-bit document declaring encoding \"" + *name + "\""};
            return MarkupViolation{1, "encoding \"" + *name + "\" is not read: patsub reads UTF-8, UTF-16 and the "
                                      "encodings in which markup stays ASCII (GBK, Big5, Shift_JIS, EUC, ISO 8859, "
                                      "Windows code pages)"};
        }
    }
    return Scan(Units(document, begin, 1, true), limits).run();
}

}  // namespace patsub::xml

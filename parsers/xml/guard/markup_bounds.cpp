#include "parsers/xml/guard/markup_bounds.h"

#include "parsers/xml/guard/byte_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <span>
#include <vector>

namespace patsub::xml {

namespace {

using namespace std::string_view_literals;

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The bytes that end a run of name characters inside a start tag: white space, quotes,
// '=', '>' and '<'. A table, because DOCDB's short elements carry long attribute names
// and the run is the check's inner loop there.
constexpr auto kNameRunStop = [] {
    std::array<bool, 256> stop{};
    for (const unsigned char c : {' ', '\t', '\r', '\n', '"', '\'', '=', '>', '<'}) stop[c] = true;
    return stop;
}();

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

// What may follow '<' between elements, in the order it is told apart ("<!--" before
// "<!", ...); anything else starts an element.
constexpr std::array kMarkupOpeners = {"<!--"sv, "<![CDATA["sv, "<?"sv, "<!DOCTYPE"sv, "</"sv, "<!"sv};
// What may follow '<' between the declarations of an internal subset; anything else ends
// the subset's check there (libxml2 refuses the subset).
constexpr std::array kSubsetOpeners = {"<!--"sv,     "<?"sv,        "<!ENTITY"sv,
                                       "<!ATTLIST"sv, "<!ELEMENT"sv, "<!NOTATION"sv};
constexpr int kUndecided = -2;
constexpr int kNoOpener = -1;

// Which opener `look` (characters from a '<' on) begins with: the first in `openers`
// that it matches, kNoOpener when none can, kUndecided while more characters could
// still change the answer (never once `at_end`).
int choose_opener(std::string_view look, std::span<const std::string_view> openers, bool at_end) {
    for (std::size_t i = 0; i < openers.size(); ++i) {
        const std::string_view opener = openers[i];
        if (look.size() >= opener.size()) {
            if (look.starts_with(opener)) return static_cast<int>(i);
        } else if (!at_end && opener.starts_with(look)) {
            return kUndecided;
        }
    }
    return kNoOpener;
}

}  // namespace

// The scan is one state machine over code units (bytes, or UTF-16 units seen as their
// ASCII character or '\x80'), so that a piece boundary can fall anywhere: what a state
// needs from before the boundary (the characters after a '<' while its kind is unknown,
// how much of a comment's end was matched, the attribute name before an '=') is kept
// in the state, never looked up in the bytes.
struct MarkupBoundsScanner::State {
    enum class Mode {
        text,         // between markup
        open,         // after '<': which markup it is depends on up to 9 more characters
        until,        // in a comment, CDATA section, PI, end tag or other <!...>: up to `term`
        start_tag,    // counting the '=' of attributes up to the tag's end
        doctype,      // <!DOCTYPE name and external id, up to '[' or '>'
        subset,       // between declarations of the internal subset
        subset_open,  // after '<' in the subset: up to 10 characters tell the declaration
        entity_name,  // after <!ENTITY: is it a parameter entity ('%')?
        declaration,  // an entity, element or notation declaration, up to its '>'
    };

    explicit State(const MarkupBoundsLimits& l) : limits(l) {}

    MarkupBoundsLimits limits;
    std::optional<MarkupViolation> violation;

    // The encoding is told from the first bytes (and the XML declaration), held until then.
    bool detected = false;
    std::string head;
    bool wide = false;  // UTF-16
    bool little = true;
    bool odd_pending = false;  // half a UTF-16 unit from the end of the last piece (at the end: no character)
    char odd = 0;

    Mode mode = Mode::text;
    long line = 1;             // line of the next unit
    std::uint64_t index = 0;   // units consumed before the next one

    std::string look;  // the characters from '<' on while mode is open or subset_open
    long look_line = 1;

    std::string_view term;  // what ends `until`, how much of it was seen, where it leads
    std::size_t matched = 0;
    Mode after = Mode::text;

    // The start tag being read. An attribute's name is the run of characters other than
    // space and quotes before its '=' (white space allowed in between); its first six
    // characters tell whether it declares a namespace.
    long tag_line = 1;
    int equals = 0;
    int namespaces = 0;
    char quote = 0;     // also used by doctype and declaration
    char last = 0;      // last character other than white space (a '/' before '>' closes the tag)
    std::array<char, 6> word{};
    std::size_t word_length = 0;
    bool word_ended = false;  // white space followed the word

    std::vector<int> open_namespaces;  // namespace declarations of each open element
    long in_scope = 0;

    std::uint64_t subset_start = 0;  // index of the unit after '['
    long subset_line = 1;
    long declaration_line = 1;

    void fail(long at_line, std::string message) {
        if (!violation) violation = MarkupViolation{at_line, std::move(message)};
    }

    void count(char c) {
        if (c == '\n') ++line;
        ++index;
    }

    void begin_look(Mode m) {
        look.assign(1, '<');
        look_line = line;
        mode = m;  // the characters in `look` are counted once they are consumed
    }

    void until(std::string_view t, Mode then) {
        term = t;
        matched = 0;
        after = then;
        mode = Mode::until;
    }

    void begin_start_tag() {
        tag_line = look_line;
        equals = 0;
        namespaces = 0;
        quote = 0;
        last = 0;
        word_length = 0;
        word_ended = false;
        mode = Mode::start_tag;
    }

    void unit(char c) {
        switch (mode) {
            case Mode::text:
                if (c == '<') {
                    begin_look(Mode::open);
                    return;
                }
                break;
            case Mode::open:
            case Mode::subset_open:
                look.push_back(c);
                decide(false);
                return;
            case Mode::until:
                match(c);
                break;
            case Mode::start_tag:
                if (c == '<' && quote == 0) {
                    // libxml2 refuses such a tag before reading further attributes; the
                    // '<' starts whatever comes next.
                    close_start_tag(false);
                    mode = Mode::text;
                    unit(c);
                    return;
                }
                tag_unit(c);
                break;
            case Mode::doctype:
                doctype_unit(c);
                break;
            case Mode::subset:
                if (!is_space(c)) {
                    subset_size_check();
                    if (c == ']') {
                        until(">", Mode::text);
                    } else if (c == '%') {
                        fail(line, "a parameter entity reference in the internal DTD subset");
                    } else if (c == '<') {
                        begin_look(Mode::subset_open);
                        return;
                    } else {
                        mode = Mode::text;  // not a declaration: libxml2 refuses the subset here
                        unit(c);
                        return;
                    }
                }
                break;
            case Mode::entity_name:
                if (c == '%') {
                    fail(declaration_line, "a parameter entity declaration in the internal DTD subset");
                } else if (!is_space(c)) {
                    mode = Mode::declaration;
                    quote = 0;
                    declaration_unit(c);
                }
                break;
            case Mode::declaration:
                declaration_unit(c);
                break;
        }
        count(c);
    }

    // `look` holds '<' and what followed it; once its kind is known the opener's
    // characters are consumed and the rest is read again in the new mode.
    void decide(bool at_end) {
        const bool in_subset = mode == Mode::subset_open;
        const int chosen = in_subset ? choose_opener(look, kSubsetOpeners, at_end)
                                     : choose_opener(look, kMarkupOpeners, at_end);
        if (chosen == kUndecided) return;
        std::size_t consumed = 0;
        if (in_subset) {
            declaration_line = look_line;
            switch (chosen) {
                case 0: until("-->", Mode::subset); break;
                case 1: until("?>", Mode::subset); break;
                case 2: mode = Mode::entity_name; break;
                case 3:
                    fail(look_line, "an attribute-list declaration in the internal DTD subset (it would add "
                                    "attributes to every element it names)");
                    break;
                case 4:
                case 5:
                    mode = Mode::declaration;
                    quote = 0;
                    break;
                default: mode = Mode::text; break;  // read again from the '<' as ordinary markup
            }
            if (chosen >= 0) consumed = kSubsetOpeners[static_cast<std::size_t>(chosen)].size();
        } else {
            switch (chosen) {
                case 0: until("-->", Mode::text); break;
                case 1: until("]]>", Mode::text); break;
                case 2: until("?>", Mode::text); break;
                case 3:
                    mode = Mode::doctype;
                    quote = 0;
                    break;
                case 4:
                    end_tag();
                    until(">", Mode::text);
                    break;
                case 5: until(">", Mode::text); break;
                default: begin_start_tag(); break;
            }
            consumed = chosen >= 0 ? kMarkupOpeners[static_cast<std::size_t>(chosen)].size() : 1;
        }
        // Openers hold no newline.
        index += consumed;
        const std::string rest = look.substr(consumed);
        look.clear();
        for (const char c : rest) {
            if (violation) return;
            unit(c);
        }
    }

    void match(char c) {
        if (c == term[matched]) {
            if (++matched == term.size()) {
                matched = 0;
                mode = after;
            }
            return;
        }
        // The longest start of `term` that the text seen now ends with.
        std::size_t k = matched;
        while (k > 0 && !(term[k - 1] == c && term.substr(0, k - 1) == term.substr(matched - k + 1, k - 1))) --k;
        matched = k;
    }

    // Counts the '=' outside quoted values up to the tag's '>' (or a '<': see unit()).
    // Each attribute has one, so the count bounds the attributes libxml2 would compare.
    // Namespace declarations are counted apart: libxml2 searches every declaration in
    // scope for each element (62,000 in scope made 100,000 elements take 90 s).
    void tag_unit(char c) {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
                word_length = 0;
                word_ended = false;
            }
            if (!is_space(c)) last = c;
            return;
        }
        if (c == '>') {
            close_start_tag(last == '/');
            mode = Mode::text;
            return;
        }
        if (!is_space(c)) last = c;
        if (c == '"' || c == '\'') {
            quote = c;
            word_length = 0;
            word_ended = false;
        } else if (c == '=') {
            if (++equals > limits.max_attributes) {
                fail(tag_line, "a start tag with more than " + std::to_string(limits.max_attributes) + " attributes");
                return;
            }
            // xmlns or xmlns:prefix
            if (word_length >= 5 && std::string_view(word.data(), 5) == "xmlns" && (word_length == 5 || word[5] == ':'))
                ++namespaces;
            word_push(c);
        } else if (is_space(c)) {
            word_ended = true;
        } else {
            word_push(c);
        }
    }

    // The name characters [p, q), none of them space, quote, '=', '>' or '<'.
    void word_append(const char* p, const char* q) {
        if (word_ended) {
            word_length = 0;
            word_ended = false;
        }
        const auto n = static_cast<std::size_t>(q - p);
        for (std::size_t k = 0; k < n && word_length + k < word.size(); ++k) word[word_length + k] = p[k];
        word_length += n;
        last = q[-1];
    }

    void word_push(char c) {
        if (word_ended) {
            word_length = 0;
            word_ended = false;
        }
        if (word_length < word.size()) word[word_length] = c;
        ++word_length;
    }

    void close_start_tag(bool empty) {
        if (in_scope + namespaces > limits.max_namespaces_in_scope) {
            fail(tag_line, "more than " + std::to_string(limits.max_namespaces_in_scope) +
                               " namespace declarations in scope");
            return;
        }
        if (!empty) {
            open_namespaces.push_back(namespaces);
            in_scope += namespaces;
        }
    }

    void end_tag() {
        if (open_namespaces.empty()) return;  // unbalanced: libxml2 refuses it
        in_scope -= open_namespaces.back();
        open_namespaces.pop_back();
    }

    // The name and external id, up to the internal subset or the end.
    void doctype_unit(char c) {
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            mode = Mode::text;
        } else if (c == '[') {
            mode = Mode::subset;
            subset_start = index + 1;
            subset_line = line;
        }
    }

    // The end of a declaration: its '>' outside quoted literals.
    void declaration_unit(char c) {
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            mode = Mode::subset;
        }
    }

    // Checked whenever the subset's next declaration (or its end) is reached.
    void subset_size_check() {
        if (index - subset_start > limits.max_internal_subset_size)
            fail(subset_line, "an internal DTD subset longer than " + std::to_string(limits.max_internal_subset_size) +
                                  " characters");
    }

    // libxml2's own detection from the first four bytes (xmlDetectCharEncoding), then the
    // encoding the XML declaration names. False while the bytes so far cannot tell.
    bool detect(std::string_view bytes, bool at_end, std::size_t& begin) {
        const auto starts = [bytes](std::string_view with) { return bytes.starts_with(with); };
        if (bytes.size() < 4 && !at_end) return false;
        if (starts("\0\0\0<"sv) || starts("<\0\0\0"sv) || starts("\0\0<\0"sv) || starts("\0<\0\0"sv)) {
            fail(1, "a UCS-4 document: patsub reads UTF-8, UTF-16 and ASCII-compatible encodings");
            return true;
        }
        if (starts("\x4C\x6F\xA7\x94"sv)) {
            fail(1, "an EBCDIC document: patsub reads UTF-8, UTF-16 and ASCII-compatible encodings");
            return true;
        }
        begin = 0;
        if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv) || starts("<\0?\0"sv) || starts("\0<\0?"sv)) {
            wide = true;
            little = bytes[0] == '\xFF' || bytes[0] == '<';
            if (bytes[0] == '\xFF' || bytes[0] == '\xFE') begin = 2;
            return true;
        }
        begin = starts("\xEF\xBB\xBF"sv) ? 3 : 0;
        const std::string_view rest = bytes.substr(begin);
        // The declaration is read up to "?>" or its first 1024 bytes.
        if (!at_end && (rest.size() < 6 || (rest.starts_with("<?xml") && is_space(rest[5]) &&
                                            rest.find("?>") == npos && rest.size() <= 1026)))
            return false;
        if (const auto name = declared_encoding(rest); name && !markup_is_ascii_in(*name)) {
            std::string key;
            for (const char c : *name)
                if (c != '-' && c != '_') key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            // libxml2 itself refuses plain "UTF-16" in an 8-bit document; the variants it
            // would switch to (UTF-16LE, UCS-2, ...) are refused here.
            if (key != "UTF16") {
                if (key.starts_with("UTF16") || key.starts_with("UTF32") || key.starts_with("UCS"))
                    fail(1, "an 8-bit document declaring encoding \"" + *name + "\"");
                else
                    fail(1, "encoding \"" + *name + "\" is not read: patsub reads UTF-8, UTF-16 and the "
                            "encodings in which markup stays ASCII (GBK, Big5, Shift_JIS, EUC, ISO 8859, "
                            "Windows code pages)");
            }
        }
        return true;
    }

    // An 8-bit piece. Text, quoted attribute values and the inside of comments and CDATA
    // sections are most of a document: they are crossed to the next byte that matters.
    // The rest goes through unit() one byte at a time.
    void scan_bytes(std::string_view bytes) {
        if (wide) {
            scan_wide(bytes);
            return;
        }
        const char* p = bytes.data();
        const char* const end = p + bytes.size();
        const auto cross_to = [&](char wanted) {
            const char* stop = find_counting_newlines(p, end, wanted, line);
            index += static_cast<std::uint64_t>(stop - p);
            p = stop;
            return p < end;
        };
        while (p < end && !violation) {
            if (mode == Mode::text) {
                if (!cross_to('<')) break;
                // A start or end tag, told by the byte after '<' when it is in this piece:
                // none of the other openers begins "<" + anything but '!' or '?'.
                if (end - p >= 2 && p[1] != '!' && p[1] != '?') {
                    look_line = line;
                    if (p[1] == '/') {
                        index += 2;
                        p += 2;
                        end_tag();
                        until(">", Mode::text);
                    } else {
                        index += 1;
                        p += 1;
                        begin_start_tag();
                    }
                    continue;
                }
            } else if (mode == Mode::until && matched == 0) {
                if (!cross_to(term[0])) break;
                if (term.size() == 1) {  // the '>' of an end tag or <!...>
                    ++index;
                    ++p;
                    mode = after;
                    continue;
                }
            } else if (mode == Mode::start_tag) {
                if (quote != 0) {
                    // A value's bytes change nothing but `last`, which its closing quote sets.
                    if (!cross_to(quote)) break;
                } else {
                    // A run of name characters changes only the word and `last`.
                    const char* run = p;
                    while (run < end && !kNameRunStop[static_cast<unsigned char>(*run)]) ++run;
                    if (run > p) {
                        word_append(p, run);
                        index += static_cast<std::uint64_t>(run - p);
                        p = run;
                        if (p == end) break;
                    }
                }
                if (*p != '<' || quote != 0) {
                    tag_unit(*p);
                    count(*p++);
                    continue;
                }
            }
            unit(*p++);
        }
    }

    void scan_wide(std::string_view bytes) {
        std::size_t i = 0;
        if (odd_pending && !bytes.empty()) {
            odd_pending = false;
            wide_unit(odd, bytes[0]);
            i = 1;
        }
        for (; i + 1 < bytes.size() && !violation; i += 2) wide_unit(bytes[i], bytes[i + 1]);
        if (i < bytes.size() && !violation) {
            odd = bytes[i];
            odd_pending = true;
        }
    }

    void wide_unit(char first, char second) {
        const auto low = static_cast<unsigned char>(little ? first : second);
        const auto high = static_cast<unsigned char>(little ? second : first);
        unit(high == 0 && low < 0x80 ? static_cast<char>(low) : '\x80');
    }

    // A whole 8-bit document that can break no limit, told without the scan: every '='
    // the scan counts as an attribute (a namespace declaration included) is an '=' of
    // the document, so one with no more '=' than the smaller limit breaks neither, and
    // the internal subset's checks begin only at "<!DOCTYPE". A DOCDB record (some 35
    // '=' in 2.5 KB, cut out of a bulk document, bulk_record_cutter.h) is then counted
    // at 16 bytes a step instead of walked through tag by tag.
    bool within_limits_at_sight(std::string_view bytes) const {
        const std::size_t bound = markup_counted_equals(limits);
        return count_up_to(bytes.data(), bytes.data() + bytes.size(), '=', bound) <= bound && !has_doctype(bytes);
    }

    // Looked for from its '!', which (unlike '<') a record holds rarely if ever.
    static bool has_doctype(std::string_view bytes) {
        for (std::size_t at = bytes.find('!', 1); at != npos; at = bytes.find('!', at + 1))
            if (bytes[at - 1] == '<' && bytes.substr(at + 1).starts_with("DOCTYPE")) return true;
        return false;
    }

    // `whole`: `bytes` is the whole document (no piece follows).
    void feed(std::string_view bytes, bool whole = false) {
        if (violation) return;
        if (!detected) {
            std::size_t begin = 0;
            if (head.empty() && detect(bytes, false, begin)) {
                detected = true;
                const std::string_view rest = bytes.substr(begin);
                if (!violation && !(whole && !wide && within_limits_at_sight(rest))) scan_bytes(rest);
                return;
            }
            head.append(bytes);
            if (!detect(head, false, begin)) return;
            detected = true;
            if (!violation) scan_bytes(std::string_view(head).substr(begin));
            std::string().swap(head);
            return;
        }
        scan_bytes(bytes);
    }

    void finish() {
        if (violation) return;
        if (!detected) {
            std::size_t begin = 0;
            detect(head, true, begin);
            detected = true;
            if (violation) return;
            scan_bytes(std::string_view(head).substr(std::min(begin, head.size())));
            std::string().swap(head);
        }
        while (!violation && (mode == Mode::open || mode == Mode::subset_open)) decide(true);
        if (violation) return;
        switch (mode) {
            case Mode::start_tag: close_start_tag(false); break;
            case Mode::until:
                if (after == Mode::subset) subset_size_check();
                break;
            case Mode::subset:
            case Mode::entity_name:
            case Mode::declaration: subset_size_check(); break;
            default: break;
        }
    }
};

std::size_t markup_counted_equals(const MarkupBoundsLimits& limits) {
    return static_cast<std::size_t>(std::max(0, std::min(limits.max_attributes, limits.max_namespaces_in_scope)));
}

MarkupBoundsScanner::MarkupBoundsScanner(const MarkupBoundsLimits& limits) : state_(std::make_unique<State>(limits)) {}

MarkupBoundsScanner::~MarkupBoundsScanner() = default;

std::optional<MarkupViolation> MarkupBoundsScanner::feed(std::string_view bytes) {
    state_->feed(bytes);
    return state_->violation;
}

std::optional<MarkupViolation> MarkupBoundsScanner::finish() {
    state_->finish();
    return state_->violation;
}

std::optional<MarkupViolation> check_markup_bounds(std::string_view document, const MarkupBoundsLimits& limits) {
    MarkupBoundsScanner::State state(limits);
    state.feed(document, true);
    state.finish();
    return state.violation;
}

}  // namespace patsub::xml

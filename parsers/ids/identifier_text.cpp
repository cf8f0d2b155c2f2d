#include "parsers/ids/identifier_text.h"

#include "model/utf8.h"
#include "parsers/ids/trim.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

namespace patsub::ids {

namespace {

bool is_printable_ascii(char c) {
    auto const byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7f;
}

// Invisible in print and meaningless inside an identifier: a writer's or a converter's
// residue (ZWSP from a web page, NBSP from a word processor, BOM from a joined file).
bool is_dropped(utf8proc_int32_t cp) {
    if (cp == ' ') return false;
    auto const category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_CF || category == UTF8PROC_CATEGORY_ZS;
}

bool is_invisible(utf8proc_int32_t cp) {
    if (cp == ' ') return false;
    auto const category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_CF || category == UTF8PROC_CATEGORY_ZS ||
           category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

// The decimal digits of other scripts that NFKC leaves alone, by the code point of their
// zero; their Unicode names are "<script> DIGIT <value>".
struct DigitScript {
    utf8proc_int32_t zero;
    char const* name;
};
constexpr std::array<DigitScript, 21> digit_scripts{{
    {0x0660, "ARABIC-INDIC"}, {0x06F0, "EXTENDED ARABIC-INDIC"}, {0x07C0, "NKO"},     {0x0966, "DEVANAGARI"},
    {0x09E6, "BENGALI"},      {0x0A66, "GURMUKHI"},              {0x0AE6, "GUJARATI"}, {0x0B66, "ORIYA"},
    {0x0BE6, "TAMIL"},        {0x0C66, "TELUGU"},                {0x0CE6, "KANNADA"},  {0x0D66, "MALAYALAM"},
    {0x0E50, "THAI"},         {0x0ED0, "LAO"},                   {0x0F20, "TIBETAN"},  {0x1040, "MYANMAR"},
    {0x17E0, "KHMER"},        {0x1810, "MONGOLIAN"},             {0x1946, "LIMBU"},    {0x19D0, "NEW TAI LUE"},
    {0xA9D0, "JAVANESE"},
}};
constexpr std::array<char const*, 10> digit_words{"ZERO", "ONE", "TWO",   "THREE", "FOUR",
                                                  "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};

// A Unicode name where it can be known without shipping the name table: the digits above
// and the CJK unified ideographs (一, 二 ... written for digits), whose names are formed
// from their code points. Empty otherwise; the code point alone is what matters.
std::string name_of(utf8proc_int32_t cp) {
    for (auto const& script : digit_scripts)
        if (cp >= script.zero && cp < script.zero + 10)
            return fmt::format("{} DIGIT {}", script.name, digit_words[static_cast<std::size_t>(cp - script.zero)]);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
        return fmt::format("CJK UNIFIED IDEOGRAPH-{:04X}", cp);
    if (cp == 0x3007) return "IDEOGRAPHIC NUMBER ZERO";
    return {};
}

std::string why_not_allowed(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_ND: return "is not an ASCII digit";
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: return "is not an ASCII letter or digit";
        case UTF8PROC_CATEGORY_CC: return "is a control character";
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME: return "is a combining mark";
        default: return "is not ASCII";
    }
}

std::string described(utf8proc_int32_t cp) {
    std::string const name = name_of(cp);
    return fmt::format("U+{:04X}{}{} {}", cp, name.empty() ? "" : " ", name, why_not_allowed(cp));
}

}  // namespace

Parsed<IdentifierText> IdentifierText::fold(std::string_view written) {
    using R = Parsed<IdentifierText>;
    std::string_view const text = trim(written);
    if (text.size() > longest_identifier_bytes)
        return R::fail(fmt::format("{} bytes long, and no identifier is longer than {}", text.size(),
                                   longest_identifier_bytes));

    IdentifierText folded;
    if (std::all_of(text.begin(), text.end(), is_printable_ascii)) {
        folded.plain_ = text;
        return R::ok(std::move(folded));
    }

    std::string kept;
    kept.reserve(text.size());
    auto const* bytes = reinterpret_cast<utf8proc_uint8_t const*>(text.data());
    auto const size = static_cast<utf8proc_ssize_t>(text.size());
    for (utf8proc_ssize_t at = 0; at < size;) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t const length = utf8proc_iterate(bytes + at, size - at, &cp);
        if (length <= 0)
            return R::fail(fmt::format("byte {} (0x{:02X}) is not UTF-8", at + 1, static_cast<unsigned>(bytes[at])));
        if (!is_dropped(cp)) kept.append(text.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(length)));
        at += length;
    }

    auto normalised = nfkc(kept);
    if (!normalised) return R::fail("not normalisable: invalid UTF-8");
    folded.folded_ = std::string(trim(*normalised));
    // Compatibility decompositions can grow a text (U+FDFA is 18 letters): the bound holds
    // for what the grammars get, and folded text folds to itself.
    if (folded.folded_->size() > longest_identifier_bytes)
        return R::fail(fmt::format("{} bytes long once folded, and no identifier is longer than {}",
                                   folded.folded_->size(), longest_identifier_bytes));
    return R::ok(std::move(folded));
}

std::optional<std::string> nfkc(std::string_view text, bool case_fold) {
    auto options = UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_STABLE;
    if (case_fold) options |= UTF8PROC_CASEFOLD;
    utf8proc_uint8_t* normalised = nullptr;
    utf8proc_ssize_t const length =
        utf8proc_map(reinterpret_cast<utf8proc_uint8_t const*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                     &normalised, static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> const owner(normalised, &std::free);
    if (length < 0) return std::nullopt;
    return std::string(reinterpret_cast<char const*>(normalised), static_cast<std::size_t>(length));
}

std::string foreign_character(std::string_view folded) {
    if (std::all_of(folded.begin(), folded.end(), is_printable_ascii)) return {};
    auto const* bytes = reinterpret_cast<utf8proc_uint8_t const*>(folded.data());
    auto const size = static_cast<utf8proc_ssize_t>(folded.size());
    std::string first;
    std::size_t more = 0;
    for (utf8proc_ssize_t at = 0; at < size;) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &cp);
        if (length <= 0) {
            if (first.empty())
                first = fmt::format("byte 0x{:02X} is not UTF-8", static_cast<unsigned>(bytes[at]));
            else
                ++more;
            length = 1;
        } else if (cp < 0x20 || cp >= 0x7f) {
            if (first.empty())
                first = described(cp);
            else
                ++more;
        }
        at += length;
    }
    if (more == 0) return first;
    return fmt::format("{}; {} more character{} outside printable ASCII", first, more, more == 1 ? "" : "s");
}

std::string shown(std::string_view written, std::size_t limit) {
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < written.size();) {
        if (count == limit) return out + "…";
        char32_t const cp = next_code_point(written, i);
        if (is_invisible(static_cast<utf8proc_int32_t>(cp)))
            out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp));
        else
            append_utf8(out, cp);
        ++count;
    }
    return out;
}

Parsed<std::string> fold_to_ascii(std::string_view what, std::string_view written) {
    auto folded = IdentifierText::fold(written);
    if (!folded) return Parsed<std::string>::fail(refusal(what, written, folded.error));
    if (auto foreign = foreign_character(folded->text()); !foreign.empty())
        return Parsed<std::string>::fail(refusal(what, written, foreign));
    return Parsed<std::string>::ok(std::string(folded->text()));
}

std::string refusal(std::string_view what, std::string_view written, std::string_view why) {
    return fmt::format("{} '{}': {}", what, shown(written), why);
}

}  // namespace patsub::ids

#include "decide/name_key.h"

#include "model/utf8.h"
#include "parsers/ids/identifier_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>

namespace patsub {

namespace {

// CJK unified ideographs are their own NFKC form and have no case: a name made of them
// and of plain ASCII needs no call into utf8proc (this runs for every patentee of every
// grant in a national file; docs/performance.md).
bool needs_unicode_folding(char32_t cp) {
    if (cp < 0x80) return false;
    return !((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF));
}

bool is_removed(char32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_CF ||
           category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}


bool is_name_punctuation(char32_t cp) {
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return (cp >= 0x3000 && cp <= 0x303F) || cp == 0x00B7 || cp == 0x30FB || (cp >= 0x2010 && cp <= 0x206F);
}

// Legal-form words in stem form (no spaces or punctuation, case folded), longest first
// so that "股份有限公司" goes before "有限公司".
constexpr std::array<std::string_view, 14> legal_forms = {
    "股份有限公司", "有限责任公司", "companylimited", "corporation", "有限公司",
    "colimited", "limited", "company", "coltd", "corp", "ltd", "inc", "llc", "co",
};

}  // namespace

std::string name_key(std::string_view printed) {
    bool plain = true;
    for (std::size_t i = 0; i < printed.size() && plain;) plain = !needs_unicode_folding(next_code_point(printed, i));
    // Malformed UTF-8 is compared as it is.
    const std::optional<std::string> unicode = plain ? std::nullopt : ids::nfkc(printed, true);
    const std::string_view folded = unicode ? std::string_view(*unicode) : printed;
    std::string key;
    key.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
        const char32_t cp = next_code_point(folded, i);
        if (is_removed(cp)) continue;
        if (cp >= 'A' && cp <= 'Z') key += static_cast<char>(cp - 'A' + 'a');
        else append_utf8(key, cp);
    }
    return key;
}

std::string name_stem(std::string_view key) {
    std::string stem;
    stem.reserve(key.size());
    for (std::size_t i = 0; i < key.size();) {
        const char32_t cp = next_code_point(key, i);
        if (!is_name_punctuation(cp)) append_utf8(stem, cp);
    }
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (auto form : legal_forms) {
            if (stem.size() > form.size() && stem.ends_with(form)) {
                stem.erase(stem.size() - form.size());
                stripped = true;
                break;
            }
        }
    }
    return stem;
}

bool contains_marker(std::string_view text, std::string_view marker) {
    if (marker.empty() || marker.size() > text.size()) return false;
    // Only ASCII letters fold (the "C" locale's tolower, without its per-byte call): the
    // CJK markers (昆明, 五华区, ...) are a plain byte search, and this runs for every
    // patentee of every grant of a national file (profiled in docs/performance.md).
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    if (std::none_of(marker.begin(), marker.end(), is_letter)) return text.find(marker) != std::string_view::npos;
    return std::search(text.begin(), text.end(), marker.begin(), marker.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

}  // namespace patsub

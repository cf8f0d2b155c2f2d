#include "decide/name_key.h"

#include "model/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace patsub {

namespace {

bool is_cjk_punctuation(char32_t cp) {
    return (cp >= 0x3000 && cp <= 0x303F) ||  // 、。「」《》【】 and the ideographic space
           cp == 0x00B7 || cp == 0x30FB ||    // middle dots
           (cp >= 0x2010 && cp <= 0x206F);    // dashes, quotes, bullets
}

// Company-form words, already in key form (no spaces or punctuation, lower case),
// longest first so that "股份有限公司" goes before "有限公司".
constexpr std::array<std::string_view, 14> company_forms = {
    "股份有限公司", "有限责任公司", "companylimited", "corporation", "有限公司",
    "colimited", "limited", "company", "coltd", "corp", "ltd", "inc", "llc", "co",
};

}  // namespace

std::string name_key(std::string_view printed) {
    std::string key;
    key.reserve(printed.size());
    for (std::size_t i = 0; i < printed.size();) {
        char32_t cp = next_code_point(printed, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII forms
        if (cp < 0x80) {
            auto c = static_cast<unsigned char>(cp);
            if (std::isalnum(c)) key += static_cast<char>(std::tolower(c));
            continue;  // ASCII space and punctuation carry no identity
        }
        if (is_cjk_punctuation(cp) || cp == 0x00A0) continue;
        append_utf8(key, cp);
    }
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (auto form : company_forms) {
            if (key.size() > form.size() && key.ends_with(form)) {
                key.erase(key.size() - form.size());
                stripped = true;
                break;
            }
        }
    }
    return key;
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

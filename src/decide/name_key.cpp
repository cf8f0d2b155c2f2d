#include "decide/name_key.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace patsub {

namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes decode as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra && i + extra >= s.size()) extra = 0;  // truncated sequence: take the byte alone
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += 1 + extra;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

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
    auto eq = [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    return std::search(text.begin(), text.end(), marker.begin(), marker.end(), eq) != text.end();
}

}  // namespace patsub

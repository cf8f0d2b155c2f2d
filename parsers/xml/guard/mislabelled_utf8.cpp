#include "parsers/xml/guard/mislabelled_utf8.h"

#include <fmt/format.h>

#include <cctype>

namespace patsub::xml {

namespace {

std::string declared_name(std::string_view bytes) {
    if (!bytes.starts_with("<?xml")) return {};
    const auto end = bytes.find("?>");
    const std::string_view declaration = bytes.substr(0, end == std::string_view::npos ? 256 : end);
    const auto key = declaration.find("encoding");
    if (key == std::string_view::npos) return {};
    const auto open = declaration.find_first_of("\"'", key);
    if (open == std::string_view::npos) return {};
    const auto close = declaration.find(declaration[open], open + 1);
    if (close == std::string_view::npos) return {};
    return std::string(declaration.substr(open + 1, close - open - 1));
}

bool names_unicode_or_ascii(std::string name) {
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name.empty() || name.starts_with("UTF") || name.starts_with("UCS") || name.starts_with("ISO-10646") ||
           name == "US-ASCII" || name == "ASCII";
}

}  // namespace

std::optional<std::string> mislabelled_utf8(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const std::string name = declared_name(bytes);
    if (names_unicode_or_ascii(name)) return std::nullopt;

    int multibyte = 0;
    char32_t first = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t cp = 0;
        if (b >= 0xC2 && b <= 0xDF) length = 2, cp = b & 0x1F;
        else if (b >= 0xE0 && b <= 0xEF) length = 3, cp = b & 0x0F;
        else if (b >= 0xF0 && b <= 0xF4) length = 4, cp = b & 0x07;
        else return std::nullopt;  // not UTF-8: the declared encoding may well be right
        if (i + length > bytes.size()) break;  // cut by the end of the view
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(bytes[i + k]);
            if ((c & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (c & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
        if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return std::nullopt;
        if (multibyte++ == 0) first = cp;
        i += length;
    }
    if (multibyte < 2) return std::nullopt;
    return fmt::format("the XML declaration says encoding \"{}\" but the bytes are valid UTF-8 ({} multi-byte "
                       "characters, the first U+{:04X}): a UTF-8 file with a wrong declaration, which would be read "
                       "as mojibake",
                       name, multibyte, static_cast<unsigned>(first));
}

}  // namespace patsub::xml

#include "parsers/xml/guard/byte_order_mark.h"

#include <cctype>

namespace patsub::xml {

namespace {

// The encoding an XML declaration names, from its ASCII ("" when it names none).
std::string declared_encoding(std::string_view declaration) {
    if (!declaration.starts_with("<?xml")) return {};
    const auto key = declaration.find("encoding");
    const auto open = declaration.find_first_of("\"'", key == std::string_view::npos ? declaration.size() : key);
    if (open == std::string_view::npos) return {};
    const auto close = declaration.find(declaration[open], open + 1);
    if (close == std::string_view::npos) return {};
    return std::string(declaration.substr(open + 1, close - open - 1));
}

std::string upper_case(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::optional<std::string> mark_contradiction(std::string_view bytes) {
    if (bytes.starts_with(kUtf8Mark)) {
        const std::string_view rest = bytes.substr(kUtf8Mark.size(), 256);
        const std::string name = declared_encoding(rest.substr(0, rest.find("?>")));
        const std::string upper = upper_case(name);
        if (name.empty() || upper == "UTF-8" || upper == "UTF8") return std::nullopt;
        return "the byte-order mark says UTF-8 but the XML declaration says encoding \"" + name + "\"";
    }
    if (bytes.size() < 4) return std::nullopt;
    const bool little = bytes[0] == '\xFF' && bytes[1] == '\xFE';
    const bool big = bytes[0] == '\xFE' && bytes[1] == '\xFF';
    if (!little && !big) return std::nullopt;
    const std::string mark = little ? "UTF-16LE" : "UTF-16BE";
    // A UTF-16 '<' is 3C 00 (LE) or 00 3C (BE); 3C then a non-zero byte is 8-bit text.
    if (bytes[2] == '<' && bytes[3] != '\0')
        return "the byte-order mark says " + mark + " but the text after it is 8-bit (UTF-8?)";
    // The declaration's ASCII, one code unit at a time.
    std::string declaration;
    for (std::size_t i = 2; i + 1 < bytes.size() && declaration.size() < 256; i += 2) {
        const auto low = static_cast<unsigned char>(little ? bytes[i] : bytes[i + 1]);
        const auto high = static_cast<unsigned char>(little ? bytes[i + 1] : bytes[i]);
        if (high != 0 || low == 0 || low >= 0x80) break;
        declaration += static_cast<char>(low);
        if (declaration.ends_with("?>")) break;
    }
    const std::string name = declared_encoding(declaration);
    if (name.empty()) return std::nullopt;
    const std::string upper = upper_case(name);
    if (upper.starts_with("UTF-16") || upper.starts_with("UTF16") || upper == "UCS-2" || upper == "ISO-10646-UCS-2")
        return std::nullopt;
    return "the byte-order mark says " + mark + " but the XML declaration says encoding \"" + name + "\"";
}

}  // namespace patsub::xml

#include "export/json_line.h"

#include <nlohmann/json.hpp>
#include <utf8proc.h>

namespace patsub::exports {

void JsonLine::string(std::string_view s) {
    separate();
    if (plain(s)) {
        out_ += '"';
        out_ += s;
        out_ += '"';
    } else {
        out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

bool JsonLine::plain(std::string_view s) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    const auto size = static_cast<utf8proc_ssize_t>(s.size());
    for (utf8proc_ssize_t at = 0; at < size;) {
        const utf8proc_uint8_t c = p[at];
        if (c < 0x80) {
            if (c < 0x20 || c == '"' || c == '\\') return false;
            ++at;
            continue;
        }
        // utf8proc refuses what nlohmann's decoder refuses: overlong forms, surrogates,
        // anything past U+10FFFF, cut sequences (test_json_line compares the two).
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(p + at, size - at, &cp);
        if (length <= 0) return false;
        at += length;
    }
    return true;
}

}  // namespace patsub::exports

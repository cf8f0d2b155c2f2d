// trim: identifiers and list cells arrive with stray ASCII white space around them
// (pretty-printed XML, hand-edited CSV); every parser at the edge drops it the same way.
#pragma once

#include <string_view>

namespace patsub::ids {

constexpr std::string_view trim(std::string_view text) {
    constexpr std::string_view blank = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(blank);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blank) - first + 1);
}

}  // namespace patsub::ids

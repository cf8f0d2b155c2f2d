#include "parsers/xml/input/expansion_limits.h"

#include <fmt/format.h>

namespace patsub::xml {

void check_expansion(const ExpansionLimits& limits, std::uint64_t expanded, std::uint64_t compressed,
                     std::string_view what) {
    if (expanded > limits.max_expanded_bytes)
        throw CompressedInputError(fmt::format("{}: refused: expands beyond the cap of {} bytes", what,
                                               limits.max_expanded_bytes));
    // expanded > ratio * compressed, written without a division; compressed is 0 only
    // before the first input byte, when nothing can have been produced.
    if (expanded > limits.ratio_floor_bytes && limits.max_ratio > 0 &&
        (compressed == 0 || expanded / limits.max_ratio > compressed))
        throw CompressedInputError(fmt::format(
            "{}: refused: {} bytes expanded from {} compressed bytes, a ratio above {}:1 (zip bomb)", what,
            expanded, compressed, limits.max_ratio));
}

}  // namespace patsub::xml

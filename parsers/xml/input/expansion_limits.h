// ExpansionLimits: how far a compressed inbox file (.xml.gz, .zip) may expand before it
// is refused. Offices ship weekly files compressed, and a decompressor that trusts its
// input can be made to write terabytes from a few kilobytes (a "zip bomb"), so every
// decompressing reader counts what it produced against these bounds and throws
// CompressedInputError, with the reason, the moment one is crossed.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace patsub::xml {

struct ExpansionLimits {
    // Expanded bytes allowed for one gzip stream or one zip archive (all entries
    // together). The largest real weekly file (USPTO ipgYYMMDD.xml) is about 1 GiB.
    std::uint64_t max_expanded_bytes = std::uint64_t{4} << 30;
    // Expanded : compressed. Patent XML deflates 5-20 to 1; deflate cannot exceed about
    // 1032 to 1, which only long runs of one byte reach, so 200 separates the two.
    std::uint64_t max_ratio = 200;
    // The ratio is judged only past this many expanded bytes: a small, highly
    // repetitive file is harmless whatever its ratio.
    std::uint64_t ratio_floor_bytes = std::uint64_t{16} << 20;
};

// A compressed stream or archive that cannot be read safely: corrupt, truncated, or
// expanding beyond ExpansionLimits. The message names the input and the reason.
class CompressedInputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws CompressedInputError naming `what` when `expanded` bytes produced from
// `compressed` bytes of input cross a limit.
void check_expansion(const ExpansionLimits& limits, std::uint64_t expanded, std::uint64_t compressed,
                     std::string_view what);

}  // namespace patsub::xml

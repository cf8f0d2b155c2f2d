// Fuzz target: the unified social credit code grammar (parsers/ids/credit_code). An
// accepted code is 18 characters that are accepted again as themselves.
#include "fuzz/targets/fuzz_invariant.h"
#include "parsers/ids/credit_code.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = patsub::ids::parse_credit_code(text);
    FUZZ_REQUIRE(parsed.value.has_value() == parsed.error.empty());
    if (parsed) {
        FUZZ_REQUIRE(parsed->text.size() == 18);
        FUZZ_REQUIRE(parsed->registration_division().size() == 6);
        const auto again = patsub::ids::parse_credit_code(parsed->text);
        FUZZ_REQUIRE(again && again->text == parsed->text);
    }
    return 0;
}

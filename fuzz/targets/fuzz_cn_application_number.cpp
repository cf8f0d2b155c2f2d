// Fuzz target: the CN application number grammar (parsers/ids/cn_application_number).
// Whatever it accepts must print to a canonical form that it accepts again as the same
// number, with the check character the GB/T weights give.
#include "fuzz/targets/fuzz_invariant.h"
#include "parsers/ids/cn_application_number.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace patsub::ids;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const CheckDigit need : {CheckDigit::required, CheckDigit::optional}) {
        const auto parsed = parse_cn_application_number(text, need);
        FUZZ_REQUIRE(parsed.value.has_value() == parsed.error.empty());
        if (!parsed) continue;
        const CnApplicationNumber& n = *parsed;
        FUZZ_REQUIRE(n.digits.size() == 8 || n.digits.size() == 12);
        FUZZ_REQUIRE(n.check == 0 || n.check == cn_check_character(n.digits));
        FUZZ_REQUIRE(need == CheckDigit::optional || n.check != 0);
        const auto again = parse_cn_application_number(n.canonical(), CheckDigit::optional);
        FUZZ_REQUIRE(again && again->digits == n.digits && again->check == n.check);
        n.type_digit();
    }
    return 0;
}

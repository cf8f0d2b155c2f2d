// Fuzz target: the patent date grammar (parsers/ids/patent_date). An accepted date is a
// real calendar day whose ISO form reads back as the same day.
#include "fuzz/targets/fuzz_invariant.h"
#include "model/date.h"
#include "parsers/ids/patent_date.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = patsub::ids::parse_patent_date(text);
    FUZZ_REQUIRE(parsed.value.has_value() == parsed.error.empty());
    if (parsed) {
        const auto again = patsub::ids::parse_patent_date(patsub::to_iso(*parsed));
        FUZZ_REQUIRE(again && *again == *parsed);
    }
    return 0;
}

// Fuzz target: the publication id grammar and canonical_doc_number
// (parsers/ids/publication_id), behind the identifier fold (parsers/ids/identifier_text).
// An accepted id's canonical text must read back as the same id and, with a kind, be a
// canonical grant id; canonicalising a number twice changes nothing; a document number
// accepted once is accepted again, unchanged.
#include "fuzz/targets/fuzz_invariant.h"
#include "parsers/ids/grant_id.h"
#include "parsers/ids/identifier_text.h"
#include "parsers/ids/publication_id.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace patsub::ids;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_publication_id(text);
    FUZZ_REQUIRE(parsed.value.has_value() == parsed.error.empty());
    if (parsed) {
        FUZZ_REQUIRE(parsed->office.size() == 2);
        FUZZ_REQUIRE(!parsed->number.empty());
        const auto again = parse_publication_id(parsed->canonical());
        FUZZ_REQUIRE(again && again->office == parsed->office && again->number == parsed->number &&
                     again->kind == parsed->kind);
        FUZZ_REQUIRE(parsed->kind.empty() || is_canonical_grant_id(parsed->canonical()));
    }
    // Folding is idempotent: folded text folds to itself.
    if (const auto folded = IdentifierText::fold(text)) {
        const auto twice = IdentifierText::fold(folded->text());
        FUZZ_REQUIRE(twice && twice->text() == folded->text());
    }
    // The first two bytes as an office, the rest as a number printed by that office.
    if (size >= 2) {
        const std::string_view office = text.substr(0, 2);
        const std::string once = canonical_doc_number(office, text.substr(2));
        FUZZ_REQUIRE(canonical_doc_number(office, once) == once);
        if (const auto number = parse_document_number(office, text.substr(2))) {
            const auto again = parse_document_number(office, *number);
            FUZZ_REQUIRE(again && *again == *number);
        }
    }
    return 0;
}

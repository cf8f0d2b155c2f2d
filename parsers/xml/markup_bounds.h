// MarkupBounds: limits the safe parser checks on a document's bytes before libxml2 reads
// them, for work libxml2 2.9 does without any bound of its own (found by the hostile
// corpus, tests/hostile):
//
// - attributes of one start tag: libxml2 compares every attribute with each one before
//   it, so one tag of 200,000 attributes (2 MB) takes five minutes;
// - namespace declarations in scope: libxml2 searches them all for every element, so
//   250 nested elements declaring 250 each made 100,000 small elements take 90 s;
// - the internal DTD subset: an attribute-list declaration gives every element it names
//   its defaulted attributes, again compared pairwise (95 KB of 20,000 <x/> with 1,000
//   defaults took 15 s, and the cost grows with the square of the defaults), and a
//   parameter entity can build such a declaration out of sight (from character
//   references). Office files carry an empty subset ("[ ]") or none, so it may hold only
//   general entity, element and notation declarations, comments and processing
//   instructions, in at most max_internal_subset_size characters (which also bounds what
//   entity replacement texts can hold);
// - the encoding: markup is found in the bytes, which is exact for UTF-8, UTF-16 and the
//   ASCII-compatible legacy encodings (GBK, Big5, Shift_JIS trail bytes are all above
//   the markup characters) and for no stateful or 7-bit one (ISO-2022, UTF-7, HZ, where
//   markup bytes occur inside other characters). Any other declared encoding, UCS-4 and
//   EBCDIC are refused: no office ships them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace patsub::xml {

struct MarkupBoundsLimits {
    int max_attributes = 256;
    int max_namespaces_in_scope = 256;
    std::size_t max_internal_subset_size = std::size_t{64} << 10;  // code units: bytes, or UTF-16 units
};

struct MarkupViolation {
    long line = 0;  // 1-based line in the document
    std::string message;
};

// The first limit the document breaks, or nothing. Reads the bytes once; anything it does
// not recognise is left for libxml2 to refuse.
std::optional<MarkupViolation> check_markup_bounds(std::string_view document, const MarkupBoundsLimits& limits);

}  // namespace patsub::xml

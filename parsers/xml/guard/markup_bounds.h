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
//
// The check reads the bytes once, front to back, in pieces of any size: a document too
// large to hold (a DOCDB bulk file streamed to libxml2, document_splitter.h) is checked
// piece by piece as libxml2 is handed it, with the same verdict and line as in one piece.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace patsub::xml {

// Declared here only: a SafeReader carries them as ParseLimits::markup (safe_parser.h).
struct MarkupBoundsLimits {
    int max_attributes = 256;
    int max_namespaces_in_scope = 256;
    std::size_t max_internal_subset_size = std::size_t{64} << 10;  // code units: bytes, or UTF-16 units
};

struct MarkupViolation {
    long line = 0;  // 1-based line in the document
    std::string message;
};

// The check over a document that arrives in pieces. Whatever is cut by a piece boundary
// (a start tag, a comment, the internal subset, the XML declaration, a UTF-16 code unit)
// is carried over to the next piece, so the pieces may be as small as one byte.
class MarkupBoundsScanner {
public:
    explicit MarkupBoundsScanner(const MarkupBoundsLimits& limits = {});
    ~MarkupBoundsScanner();
    MarkupBoundsScanner(const MarkupBoundsScanner&) = delete;
    MarkupBoundsScanner& operator=(const MarkupBoundsScanner&) = delete;

    // The next bytes of the document. Returns the first violation once the bytes seen so
    // far show it; from then on every call returns it again.
    std::optional<MarkupViolation> feed(std::string_view bytes);
    // The end of the document: what is still open is judged as the end leaves it (a start
    // tag cut off by the end still counts its namespace declarations).
    std::optional<MarkupViolation> finish();

private:
    friend std::optional<MarkupViolation> check_markup_bounds(std::string_view, const MarkupBoundsLimits&);
    struct State;
    std::unique_ptr<State> state_;
};

// The most '=' a whole 8-bit document without a DOCTYPE may hold and still be only
// counted by check_markup_bounds: every attribute and namespace declaration the limits
// count is one of them.
std::size_t markup_counted_equals(const MarkupBoundsLimits& limits);

// The first limit the document breaks, or nothing: the scanner above over the whole
// document at once (the same verdict and line), except that a document with too few '='
// to break a limit and no DOCTYPE is only counted, not scanned. Anything it does not
// recognise is left for libxml2 to refuse.
std::optional<MarkupViolation> check_markup_bounds(std::string_view document, const MarkupBoundsLimits& limits);

}  // namespace patsub::xml

// EPO OPS (Open Patent Services) published-data reader (formats.md §4): responses with
// root ops:world-patent-data. Records are the exchange-documents of a biblio response
// (exchange-documents/exchange-document, also inside ops:biblio-search results) and the
// members of a family response (ops:patent-family/ops:family-member: the member's own
// references, and its exchange-document when biblio was asked for). The bibliographic
// vocabulary and which of its forms is kept are described in epo_exchange.h.
//
// EP Register responses share the root but speak another vocabulary (reg:, register
// status, no publication-level kind per document): they are refused with "EP Register
// response, not publication data" rather than skipped, so that whoever put one in the
// inbox fetches the published-data view instead of losing the grant silently.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kOpsFormat = "ops";
inline constexpr std::string_view kOpsNamespace = "http://ops.epo.org";

// `reader` must be positioned on the ops:world-patent-data root. Emits a record at the
// end of each exchange-document or family member; a failure is left in reader.problem()
// (records emitted before it stay emitted).
std::unique_ptr<FormatReading> read_ops(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

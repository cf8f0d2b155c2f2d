// Older CNIPA/SIPO `cn-patent-document` XML reader (pre-"business:" exports, often with a
// UTF-8 BOM): maps the bibliographic block to a RawDocument.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kCnipaLegacyFormat = "cnipa-legacy";

// `reader` must be positioned on the `cn-patent-document` root element. Reads to the end
// of the document and emits its one record only when the whole document read cleanly;
// a failure is left in reader.problem().
std::unique_ptr<FormatReading> read_cnipa_legacy(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

// USPTO full-text grant reader (Red Book `us-patent-grant`, DTD v4.0 – v4.5): maps the
// bibliographic block of one document to a RawDocument.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kUsptoGrantFormat = "uspto-grant";

// `reader` must be positioned on the `us-patent-grant` root element. Reads to the end of
// the document and emits its one record only when the whole document read cleanly; a
// failure is left in reader.problem().
std::unique_ptr<FormatReading> read_uspto_grant(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

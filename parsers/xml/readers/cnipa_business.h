// CNIPA "business:" XML reader (the 2019+ standard, xsdVersion V2.x, root
// business:PatentDocumentAndRelated): maps the bibliographic block to a RawDocument.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kCnipaBusinessFormat = "cnipa-business";
inline constexpr std::string_view kCnipaBusinessNamespace = "http://www.sipo.gov.cn/XMLSchema/business";

// `reader` must be positioned on the root element. Reads to the end of the document and
// emits its one record only when the whole document read cleanly; a failure is left in
// reader.problem().
std::unique_ptr<FormatReading> read_cnipa_business(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

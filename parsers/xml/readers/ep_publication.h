// EPO publication server reader (`ep-patent-document`, DTD v1.0 – v1.5.1, formats.md §2):
// maps the SDOBI block's ST.32-style B-tags of one EP specification or application to
// a RawDocument. B110 number, B130 kind, B140 date (B190 / root @country the office),
// B210/B220 application, B300 priorities, B541/B542 title, B731 proprietors (B711
// applicants on A documents), B861 international application.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kEpPublicationFormat = "ep-publication";

// `reader` must be positioned on the `ep-patent-document` root element. Reads to the end
// of the document and emits its one record only when the whole document read cleanly;
// a failure is left in reader.problem().
std::unique_ptr<FormatReading> read_ep_publication(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

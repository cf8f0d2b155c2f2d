// EPO DOCDB exchange reader (formats.md §3): bulk files (root exch:exchange-documents,
// thousands of exch:exchange-document records) and single exchange-documents cut out of
// them. Each exchange-document becomes one record, emitted when its end tag is read, so
// a bulk file never sits in memory as records. The bibliographic vocabulary and which
// of its forms is kept are described in epo_exchange.h.
//
// Single documents cut out of bulk files leave the exch: prefix undeclared and use ISO
// named entities without their DTD; docdb_prepass.h repairs exactly that before parsing.
// One excerpt (AP 1206 A) has neither prefix nor namespace: its root is a plain
// <exchange-document>, read the same way.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kDocdbFormat = "docdb";

// `reader` must be positioned on an exchange-documents or exchange-document root.
// Emits a record at the end of each exchange-document; a failure is left in
// reader.problem() (records emitted before it stay emitted).
std::unique_ptr<FormatReading> read_docdb(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

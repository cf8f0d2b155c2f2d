// FormatReading: one format's reading of one document. The SAX2 parser pushes the
// document's elements, so a reader is a handler for them (its rule table, path_rules.h)
// and a finish step taken once the document has been parsed without a problem (where a
// one-record format hands on its record, or KIPO judges an error response). Records
// found while parsing (DOCDB, OPS, KIPO items) are handed on as they complete.
#pragma once

#include "parsers/xml/guard/safe_parser.h"
#include "parsers/xml/readers/element_walker.h"
#include "parsers/xml/readers/record_sink.h"

#include <memory>

namespace patsub::xml {

class FormatReading {
public:
    virtual ~FormatReading() = default;
    // Entered next with the root element itself, then with everything it leads to.
    virtual ElementHandler& handler() = 0;
    virtual void finish() = 0;
};

// Starts a format's reading at the document's root element (during its start tag:
// reader.current_line() is the root's line). A failure of the document is left in
// reader.problem(); records emitted before it stay emitted (see grant_source_reader.cpp).
using FormatReadFn = std::unique_ptr<FormatReading> (*)(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

// RecordSink: where a format reader hands the patent records it finds in one XML
// document, one at a time, as soon as each is complete. Most formats hold one record per
// document (a USPTO grant, an EP specification); DOCDB bulk files hold thousands of
// exchange-documents, OPS responses and KIPRIS Plus responses several. Emitting while
// streaming keeps memory at one record however many the document holds.
#pragma once

#include "parsers/xml/readers/raw_document.h"

#include <string>

namespace patsub::xml {

class RecordSink {
public:
    virtual ~RecordSink() = default;

    // A record read to its end. `record.line` is the line of the record's first element
    // within the document (1-based; the root's line for one-record formats).
    virtual void emit(RawDocument&& record) = 0;

    // A record the reader recognised but cannot turn into a RawDocument (a KIPRIS item
    // that is neither registered nor laid open, ...): refused on its own, the rest of the
    // document goes on. `line` is within the document.
    virtual void refuse(long line, std::string cause) = 0;
};

}  // namespace patsub::xml

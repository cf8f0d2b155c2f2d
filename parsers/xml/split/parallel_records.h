// ParallelRecords: the records of one DOCDB bulk document parsed on worker threads. A
// bulk document is ONE XML document (a quarter of a gigabyte for 100,000 records), so
// parallel_documents.h reads it on the calling thread; cut into its records while it
// streams (bulk_record_cutter.h), each record is a small document of its own that any
// thread can parse, and what each produced is handed on here, on the calling thread,
// in the document's order, exactly as the one-document reading would hand it on.
//
// "Exactly" is kept by reading split only while every record document is perfectly
// clean: one outcome for each of its records (emitted, or refused on its own, e.g.
// without a publication number), no problem from libxml2 or the guard. At the first
// document that is anything else, or wherever the cutter is unsure, the split reading
// stops and the caller reads the rest of the bulk document as one, from that record
// document's first record on (BulkSplitStop), so refusals and their lines and messages
// are the one-document reading's own. A record document holds a few consecutive records
// (RecordDocumentShape): they are whole lines of the bulk document, one after another,
// so its lines map to the bulk document's as a single record's do.
#pragma once

#include "parsers/xml/readers/raw_document.h"
#include "parsers/xml/split/bulk_record_cutter.h"

#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::xml {

// What one record document produced.
struct RecordOutcome {
    enum class Kind {
        record,   // `document`, its line in the record document
        refused,  // the record alone is refused: `line` (in the record document), `cause`
        unclean,  // anything else: the split reading stops before this record
    };
    Kind kind = Kind::unclean;
    RawDocument document;
    long line = 0;
    std::string cause;
};

// Parses one record document (head + `records` consecutive records + root end tag) and
// appends one outcome per record, in order, with lines in the record document; false
// when the document is not clean (then what it appended is dropped). Called on worker
// threads: it must touch nothing shared but what it only reads.
using RecordDocumentReadFn =
    std::function<bool(std::string_view record_document, std::size_t records, std::vector<RecordOutcome>& outcomes)>;
// Takes an outcome on the calling thread, in order; its lines are the bulk document's.
using RecordOutcomeFn = std::function<void(RecordOutcome&&)>;

// Where the split reading stopped, when it did not read the document to its end.
struct BulkSplitStop {
    bool complete = false;  // the document was read: nothing more to do
    // Otherwise the document from here on: `held` (chunks cut but not handed on), then
    // cutter.remainder(). `line`: the document line `held`'s first byte is on; `first`:
    // it starts right after the root start tag (no padding: the head is followed by it).
    std::string held;
    long line = 1;
    bool first = true;
    // Set when the document's source failed after `held`: the rest is `held` alone, and
    // then this failure, instead of cutter.remainder().
    std::exception_ptr failure;
};

// How the records are put into record documents.
struct RecordDocumentShape {
    // Each starts with this (the cutter's head when empty; a shorter one saves parsing a
    // DOCTYPE and the root's attributes for every document, record_head.h).
    std::string_view head;
    // A document holds consecutive records (one at least) while their '=' together stay
    // within this many: the markup check (markup_bounds.h) only counts a document whose
    // '=' are that few, and libxml2 starts a document, and patsub a reading, once for
    // several records instead of once for each.
    std::size_t equals = 0;
    // ... and while their bytes stay within this many: a record document is held whole,
    // and repaired whole (docdb_prepass.h), so it stays well below the size from which
    // a document is streamed.
    std::size_t bytes = 0;
};

// The records of `cutter` (already open()) through `read` on `threads` workers, handed to
// `deliver` in order. Rethrows what `read` or `deliver` throws, on the calling thread.
BulkSplitStop read_bulk_records(BulkRecordCutter& cutter, unsigned threads, const RecordDocumentShape& shape,
                                const RecordDocumentReadFn& read, const RecordOutcomeFn& deliver);

}  // namespace patsub::xml

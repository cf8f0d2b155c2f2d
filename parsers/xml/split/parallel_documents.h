// ParallelDocuments: reads the documents of one file on worker threads and hands what
// became of each to the sink on the calling thread, in file order, exactly as the plain
// one-document-after-another loop would. A USPTO weekly file or a concatenated CNIPA
// delivery is thousands of independent documents and libxml2 parses each on its own, so
// the machine's second core halves the time of a national-size batch; the sink (the
// normaliser, the rules, the ledger's SQLite connection) never leaves the calling thread.
//
// What a worker produces for a document (records, refusals, skips, an exception) is
// recorded and replayed to the real sink when that document's turn comes. Memory stays
// bounded: at most a few batches of about 1 MiB of documents are in flight, and a large
// document (a DOCDB bulk file of thousands of records, a 50 MB sequence listing) is
// handed to `read` on the calling thread, streaming its records as they come, after the
// documents before it have been handed on (a DOCDB bulk document is then cut into its
// records for worker threads of its own: parallel_records.h).
#pragma once

#include "parsers/xml/split/document_sink.h"
#include "parsers/xml/split/document_splitter.h"

#include <functional>

namespace patsub::xml {

// Reads one split document into the sink, counting in the summary (read_one in
// grant_source_reader.cpp). Called on worker threads with a recording sink: it must not
// touch anything shared but what it is given.
using DocumentReadFn = std::function<void(const SplitDocument&, DocumentSink&, GrantFileSummary&)>;

// Threads that parse: PATSUB_PARSE_THREADS when it is set to a number from 1 to 16
// (1: everything on the calling thread), otherwise the processors available, at most 4.
unsigned parse_threads();

// Every document of `splitter` through `read`, each counted in summary.documents.
// Rethrows, on the calling thread and at that document's turn, what `read` threw; what
// the splitter throws (a source failing halfway) after the documents before it.
void read_documents(DocumentSplitter& splitter, DocumentSink& sink, GrantFileSummary& summary,
                    const DocumentReadFn& read);

}  // namespace patsub::xml

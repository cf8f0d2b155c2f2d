// DocumentSink: what the XML input layer tells its caller about each document of a file,
// in file order: read (one call per record), refused (with file, document, line, column
// and cause) or skipped (not a patent document). The worker threads of
// parallel_documents.h record these calls and replay them on the caller's thread; the
// entry point (grant_file_reader.h) and the compressed-file reader make them. Its own
// file so that every one of them can name it without including the others.
#pragma once

#include "parsers/xml/readers/raw_document.h"

#include <string>
#include <string_view>

namespace patsub::xml {

struct DocumentProblem {
    std::string file;
    int document_index = 0;  // 1-based position in the file
    long line = 0;           // line in the file (1-based), 0 when unknown
    int column = 0;          // 0 when unknown
    std::string cause;
    int record = 0;          // 1-based record within the document; 0 = the whole document
};

class DocumentSink {
public:
    virtual ~DocumentSink() = default;
    // One record read. A multi-record document (DOCDB bulk, OPS, KIPRIS) calls this once
    // per record with the same document_index; document.record and document.line tell
    // the records apart.
    virtual void on_document(RawDocument&& document, int document_index) = 0;
    virtual void on_refused(DocumentProblem problem) = 0;
    virtual void on_skipped(int document_index, long line, std::string why) = 0;
    // The documents that follow come from this member of a zip archive and count from 1
    // again: each member is read as if it were a file named "archive.zip!member".
    virtual void on_member(std::string_view /*member*/) {}
};

struct GrantFileSummary {
    int documents = 0;  // all XML documents found, whatever became of them
    int read = 0;       // records read (a multi-record document counts each record)
    int refused = 0;    // whole documents refused plus single records refused
    int skipped = 0;
};

}  // namespace patsub::xml

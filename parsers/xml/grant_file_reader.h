// GrantFileReader: the entry point of the XML input layer. It reads one inbox file,
// splits it into documents, sniffs each root, runs the matching reader and tells a sink
// what became of every document: read, refused (with file, document, line, column and
// cause) or skipped (not a patent document). A document may hold several patent records
// (DOCDB bulk, OPS, KIPRIS; see record_sink.h): each is read or refused on its own. One
// bad document never stops the rest of the file: a weekly USPTO file holds thousands.
#pragma once

#include "parsers/xml/byte_source.h"
#include "parsers/xml/document_splitter.h"
#include "parsers/xml/expansion_limits.h"
#include "parsers/xml/format_sniffer.h"
#include "parsers/xml/raw_document.h"
#include "parsers/xml/safe_parser.h"

#include <filesystem>
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

struct GrantFileOptions {
    SplitterOptions splitter{};
    ParseLimits limits{};
    const FormatRegistry* formats = nullptr;  // nullptr: builtin_formats()
    ExpansionLimits expansion{};              // for .xml.gz and .zip inbox files
};

// What read_grant_source throws in place of a CompressedInputError (a gzip stream or zip
// member truncated, corrupt or over its limits) that cut a streamed document short
// (document_splitter.h): the records read from it before the cut have been delivered,
// and the failure belongs to that document, not to the one after it.
class InterruptedDocumentError : public CompressedInputError {
public:
    InterruptedDocumentError(const std::string& what, int document_index)
        : CompressedInputError(what), document_index_(document_index) {}
    int document_index() const { return document_index_; }

private:
    int document_index_;
};

struct GrantFileSummary {
    int documents = 0;  // all XML documents found, whatever became of them
    int read = 0;       // records read (a multi-record document counts each record)
    int refused = 0;    // whole documents refused plus single records refused
    int skipped = 0;
};

// Throws std::system_error when the file cannot be opened or read (a file-level failure,
// unlike a bad document, which goes to the sink). A file holding no document at all is
// reported as one refused document. A gzip or zip file (told by content) is read
// through its decompressor; a damaged, truncated or over-expanding one is refused as a
// document with the reason (see compressed_grant_file.h).
GrantFileSummary read_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                 const GrantFileOptions& options = {});

// The same over any byte source (a decompressing one, or memory in tests); `file` names
// the source in DocumentProblem.
GrantFileSummary read_grant_source(ByteSource& source, std::string_view file, DocumentSink& sink,
                                   const GrantFileOptions& options = {});

}  // namespace patsub::xml

// read_grant_source: the documents of bytes already open (a plain file, a gzip stream
// or zip member being expanded, memory in tests) split, each sniffed by its root, read by
// its office's reader and told to a DocumentSink. A document may hold several patent
// records (DOCDB bulk, OPS, KIPRIS; see readers/record_sink.h): each is read or refused
// on its own. One bad document never stops the rest: a weekly USPTO file holds thousands.
// The entry point for an inbox path, which also picks the decompressor, is
// grant_file_reader.h.
#pragma once

#include "parsers/xml/guard/safe_parser.h"
#include "parsers/xml/input/byte_source.h"
#include "parsers/xml/input/expansion_limits.h"
#include "parsers/xml/readers/format_sniffer.h"
#include "parsers/xml/split/document_sink.h"
#include "parsers/xml/split/document_splitter.h"

#include <string>
#include <string_view>

namespace patsub::xml {

struct GrantFileOptions {
    SplitterOptions splitter{};
    ParseLimits limits{};
    const FormatRegistry* formats = nullptr;  // nullptr: builtin_formats()
    ExpansionLimits expansion{};              // for .xml.gz and .zip inbox files
};

// What read_grant_source throws in place of a CompressedInputError (a gzip stream or zip
// member truncated, corrupt or over its limits) that cut a streamed document short
// (split/document_splitter.h): the records read from it before the cut have been
// delivered, and the failure belongs to that document, not to the one after it.
class InterruptedDocumentError : public CompressedInputError {
public:
    InterruptedDocumentError(const std::string& what, int document_index)
        : CompressedInputError(what), document_index_(document_index) {}
    int document_index() const { return document_index_; }

private:
    int document_index_;
};

// `file` names the source in DocumentProblem. A source holding no document at all is
// reported as one refused document. What the source throws (a read failure, a
// CompressedInputError) is rethrown after the documents before it were told to the sink.
GrantFileSummary read_grant_source(ByteSource& source, std::string_view file, DocumentSink& sink,
                                   const GrantFileOptions& options = {});

}  // namespace patsub::xml

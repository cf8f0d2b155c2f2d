// GrantFileReader: the entry point of the XML input layer. It reads one inbox file,
// tells a gzip stream or zip archive from plain bytes by content (input/), reads each
// document through read_grant_source (grant_source_reader.h: splitting, sniffing, the
// office's reader) and tells a DocumentSink what became of every document: read, refused
// (with file, document, line, column and cause) or skipped (not a patent document).
#pragma once

#include "parsers/xml/grant_source_reader.h"
#include "parsers/xml/split/document_sink.h"

#include <filesystem>

namespace patsub::xml {

// Throws std::system_error when the file cannot be opened or read (a file-level failure,
// unlike a bad document, which goes to the sink). A file holding no document at all is
// reported as one refused document. A gzip or zip file (told by content) is read
// through its decompressor; a damaged, truncated or over-expanding one is refused as a
// document with the reason (see compressed_grant_file.h).
GrantFileSummary read_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                 const GrantFileOptions& options = {});

}  // namespace patsub::xml

// Compressed grant files: a .xml.gz read through GzipByteSource, a .zip read member by
// member through ZipArchive, each feeding the same splitter and readers as a plain
// file. A zip member is reported as if it were a file named "archive.zip!member/path.xml";
// directories and members that are not XML (images, PDFs beside CNIPA documents) are
// skipped with the reason. A gzip member is read through its decompressor and a zip
// member as an archive of its own ("outer.zip!inner.zip!x.xml", at most 3 deep), both
// within the outer archive's expansion budget; a symlink member refuses the archive. A stream or member that is corrupt, truncated or expands
// beyond GrantFileOptions::expansion is refused as one more document with the reason,
// after the documents read before it (or, when the failure cuts a streamed document
// short, as that document, after the records read from it): a bomb never stops the
// batch, it quarantines the file.
#pragma once

#include "parsers/xml/grant_source_reader.h"

#include <filesystem>

namespace patsub::xml {

// Throws std::system_error when the file cannot be opened or read.
GrantFileSummary read_gzip_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                      const GrantFileOptions& options);

GrantFileSummary read_zip_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                     const GrantFileOptions& options);

}  // namespace patsub::xml

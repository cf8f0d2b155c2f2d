#include "parsers/xml/grant_file_reader.h"

#include "parsers/xml/compressed_grant_file.h"
#include "parsers/xml/input/compression_sniffer.h"

namespace patsub::xml {

GrantFileSummary read_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                 const GrantFileOptions& options) {
    switch (sniff_compression(path)) {
        case Compression::gzip: return read_gzip_grant_file(path, sink, options);
        case Compression::zip: return read_zip_grant_file(path, sink, options);
        case Compression::none: break;
    }
    FileByteSource source(path);
    return read_grant_source(source, path.string(), sink, options);
}

}  // namespace patsub::xml

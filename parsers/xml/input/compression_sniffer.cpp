#include "parsers/xml/input/compression_sniffer.h"

#include "parsers/xml/input/byte_source.h"

namespace patsub::xml {

Compression compression_of(std::string_view first_bytes) {
    if (first_bytes.starts_with("\x1f\x8b")) return Compression::gzip;
    if (first_bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
        first_bytes.starts_with(std::string_view("PK\x05\x06", 4)))
        return Compression::zip;
    return Compression::none;
}

Compression sniff_compression(const std::filesystem::path& file) {
    FileByteSource source(file);
    char head[4];
    std::size_t have = 0;
    while (have < sizeof head) {
        const std::size_t n = source.read(head + have, sizeof head - have);
        if (n == 0) break;
        have += n;
    }
    return compression_of(std::string_view(head, have));
}

}  // namespace patsub::xml

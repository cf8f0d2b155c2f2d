// CompressionSniffer: tells a gzip stream or a zip archive from plain bytes by the first
// bytes of the file (gzip 1f 8b, RFC 1952; zip "PK\3\4", or "PK\5\6" for an archive
// with no member, APPNOTE 4.3), never by its name: inbox files are renamed by people,
// and contract.md promises that the format is detected from content.
#pragma once

#include <filesystem>
#include <string_view>

namespace patsub::xml {

enum class Compression { none, gzip, zip };

Compression compression_of(std::string_view first_bytes);

// Reads the file's first four bytes. Throws std::system_error when it cannot be read.
Compression sniff_compression(const std::filesystem::path& file);

}  // namespace patsub::xml

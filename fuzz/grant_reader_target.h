// GrantReaderTarget: what every XML fuzz target does with its bytes. They are read the
// way the batch reads an inbox file (read_grant_source over a MemoryByteSource: splitter,
// DOCDB pre-pass, safe parser, format reader) and each record read goes through the
// identifier normaliser, as parsers/grant_file.cpp does. A target may narrow the format
// registry to one reader so that libFuzzer spends its time inside that reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace patsub::fuzz {

// Reads `data` with every builtin format when `format` is empty, else with only the
// registry entries of that format (any other root is refused as unknown). Aborts, so
// that libFuzzer reports it, when an invariant of the reader layer breaks: a refusal
// without a cause, a record or refusal counted twice or not at all.
int read_grant_bytes(const std::uint8_t* data, std::size_t size, std::string_view format);

}  // namespace patsub::fuzz

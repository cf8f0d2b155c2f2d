// Fuzz target: the WIPO ST.96 PatentPublication reader, through the batch's entry point
// (read_grant_source, then the normaliser), with the format registry narrowed to that
// reader.
#include "fuzz/grant_reader_target.h"
#include "parsers/xml/readers/st96.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return patsub::fuzz::read_grant_bytes(data, size, patsub::xml::kSt96Format);
}

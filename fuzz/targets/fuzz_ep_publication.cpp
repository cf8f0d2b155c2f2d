// Fuzz target: the EPO publication server ep-patent-document reader, through the batch's
// entry point (read_grant_source, then the normaliser), with the format registry
// narrowed to that reader.
#include "fuzz/grant_reader_target.h"
#include "parsers/xml/readers/ep_publication.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return patsub::fuzz::read_grant_bytes(data, size, patsub::xml::kEpPublicationFormat);
}

// Fuzz target: a .xml.gz inbox file as the batch reads it: GzipByteSource inflating as
// the splitter pulls, then the readers. A damaged or over-expanding stream may only end
// as CompressedInputError (which the batch turns into a refused document). The
// expansion cap is lowered so that a small input cannot make a run take minutes.
#include "fuzz/targets/fuzz_invariant.h"
#include "parsers/xml/grant_source_reader.h"
#include "parsers/xml/input/expansion_limits.h"
#include "parsers/xml/input/gzip_byte_source.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

class NullSink final : public patsub::xml::DocumentSink {
public:
    void on_document(patsub::xml::RawDocument&&, int) override {}
    void on_refused(patsub::xml::DocumentProblem p) override { FUZZ_REQUIRE(!p.cause.empty()); }
    void on_skipped(int, long, std::string) override {}
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    patsub::xml::GrantFileOptions options;
    options.expansion.max_expanded_bytes = std::uint64_t{64} << 20;
    options.expansion.ratio_floor_bytes = std::uint64_t{1} << 20;
    patsub::xml::MemoryByteSource compressed(std::string(reinterpret_cast<const char*>(data), size));
    patsub::xml::GzipByteSource expanded(compressed, "fuzz.xml.gz", options.expansion);
    NullSink sink;
    try {
        patsub::xml::read_grant_source(expanded, "fuzz.xml.gz", sink, options);
    } catch (const patsub::xml::CompressedInputError& e) {
        FUZZ_REQUIRE(e.what()[0] != '\0');
    }
    return 0;
}

// Fuzz target: a whole inbox grant file as the batch reads it: every builtin format,
// concatenated documents split, each record normalised. The same bytes are also read in
// 7-byte chunks: where the splitter cuts must not depend on how the bytes arrive, so
// both readings must report the same documents, records and refusals.
#include "fuzz/grant_reader_target.h"

#include "parsers/xml/grant_source_reader.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Outcome {
    std::vector<std::string> events;
    void add(std::string event) { events.push_back(std::move(event)); }
};

class RecordingSink final : public patsub::xml::DocumentSink {
public:
    explicit RecordingSink(Outcome& outcome) : outcome_(outcome) {}
    void on_document(patsub::xml::RawDocument&& d, int index) override {
        outcome_.add("read " + std::to_string(index) + ":" + std::to_string(d.record) + " line " +
                     std::to_string(d.line) + " " + d.office + d.number + d.kind);
    }
    void on_refused(patsub::xml::DocumentProblem p) override {
        outcome_.add("refused " + std::to_string(p.document_index) + ":" + std::to_string(p.record) + " line " +
                     std::to_string(p.line) + " " + p.cause);
    }
    void on_skipped(int index, long line, std::string why) override {
        outcome_.add("skipped " + std::to_string(index) + " line " + std::to_string(line) + " " + why);
    }

private:
    Outcome& outcome_;
};

Outcome read_in_chunks(const std::uint8_t* data, std::size_t size, std::size_t chunk) {
    Outcome outcome;
    RecordingSink sink(outcome);
    patsub::xml::GrantFileOptions options;
    options.splitter.chunk_size = chunk;
    patsub::xml::MemoryByteSource source(std::string(reinterpret_cast<const char*>(data), size));
    patsub::xml::read_grant_source(source, "fuzz.xml", sink, options);
    return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    patsub::fuzz::read_grant_bytes(data, size, "");
    const Outcome whole = read_in_chunks(data, size, std::size_t{1} << 20);
    const Outcome pieces = read_in_chunks(data, size, 7);
    if (whole.events != pieces.events) {
        for (std::size_t i = 0; i < std::max(whole.events.size(), pieces.events.size()); ++i)
            std::fprintf(stderr, "1 MiB chunks: %s\n7-byte chunks: %s\n",
                         i < whole.events.size() ? whole.events[i].c_str() : "-",
                         i < pieces.events.size() ? pieces.events[i].c_str() : "-");
        std::fprintf(stderr, "fuzz invariant broken: the outcome depends on the splitter's chunk size\n");
        std::abort();
    }
    return 0;
}

#include "fuzz/grant_reader_target.h"

#include "parsers/grant_normaliser.h"
#include "parsers/xml/grant_source_reader.h"
#include "parsers/xml/readers/builtin_formats.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace patsub::fuzz {

namespace {

[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

class CountingSink final : public xml::DocumentSink {
public:
    void on_document(xml::RawDocument&& document, int index) override {
        ++read;
        if (index < 1) broken("a record without a document index");
        const auto grant = normalise(document, SourcePosition{"fuzz.xml", index, document.line});
        if (!grant && grant.error.empty()) broken("the normaliser refused a record without saying why");
        if (grant && grant.value->number.empty()) broken("the normaliser accepted a record without a number");
    }
    void on_refused(xml::DocumentProblem problem) override {
        ++refused;
        if (problem.cause.empty()) broken("a refusal without a cause");
        if (problem.document_index < 1) broken("a refusal without a document index");
        if (problem.line < 0 || problem.column < 0) broken("a refusal at a negative position");
    }
    void on_skipped(int index, long, std::string why) override {
        ++skipped;
        if (index < 1 || why.empty()) broken("a skip without index or reason");
    }

    int read = 0;
    int refused = 0;
    int skipped = 0;
};

const xml::FormatRegistry& registry_for(std::string_view format) {
    static std::map<std::string, xml::FormatRegistry, std::less<>> narrowed;
    if (format.empty()) return xml::builtin_formats();
    auto it = narrowed.find(format);
    if (it == narrowed.end()) {
        xml::FormatRegistry registry;
        for (const auto& entry : xml::builtin_formats().entries())
            if (entry.format == format) registry.add(entry);
        if (registry.entries().empty()) broken("no builtin format of that name");
        it = narrowed.emplace(std::string(format), std::move(registry)).first;
    }
    return it->second;
}

}  // namespace

int read_grant_bytes(const std::uint8_t* data, std::size_t size, std::string_view format) {
    xml::GrantFileOptions options;
    options.formats = &registry_for(format);
    xml::MemoryByteSource source(std::string(reinterpret_cast<const char*>(data), size));
    CountingSink sink;
    const xml::GrantFileSummary summary = xml::read_grant_source(source, "fuzz.xml", sink, options);
    if (summary.read != sink.read || summary.refused != sink.refused || summary.skipped != sink.skipped)
        broken("the file summary disagrees with what the sink was told");
    if (summary.documents < 1) broken("a file reported with no document at all");
    return 0;
}

}  // namespace patsub::fuzz

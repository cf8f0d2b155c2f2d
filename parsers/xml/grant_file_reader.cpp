#include "parsers/xml/grant_file_reader.h"

#include "parsers/xml/builtin_formats.h"

#include <utility>

namespace patsub::xml {

namespace {

class DocumentRun {
public:
    DocumentRun(std::string_view file, const SplitDocument& split, DocumentSink& sink, GrantFileSummary& summary)
        : file_(file), split_(split), sink_(sink), summary_(summary) {}

    void refuse(long document_line, int column, std::string cause) {
        ++summary_.refused;
        sink_.on_refused(DocumentProblem{std::string(file_), split_.index, file_line(document_line), column,
                                         std::move(cause)});
    }

    void refuse(const SafeReader& reader) {
        if (const auto& problem = reader.problem())
            refuse(problem->line, problem->column, problem->message.empty() ? "libxml2 error" : problem->message);
        else
            refuse(0, 0, "document could not be read");
    }

    // Lines inside a document count from its first byte; the file's lines from the start.
    long file_line(long document_line) const {
        return document_line > 0 ? split_.start_line + document_line - 1 : split_.start_line;
    }

private:
    std::string_view file_;
    const SplitDocument& split_;
    DocumentSink& sink_;
    GrantFileSummary& summary_;
};

void read_one(std::string_view file, const SplitDocument& split, DocumentSink& sink, const GrantFileOptions& options,
              const FormatRegistry& formats, GrantFileSummary& summary) {
    DocumentRun run(file, split, sink, summary);
    if (split.oversized) {
        run.refuse(0, 0, "document larger than " + std::to_string(options.splitter.max_document_bytes) + " bytes");
        return;
    }
    SafeReader reader(split.bytes, options.limits);
    const SniffResult sniffed = sniff(reader, formats);
    switch (sniffed.outcome) {
        case SniffOutcome::failed:
            run.refuse(reader);
            return;
        case SniffOutcome::unknown:
            run.refuse(sniffed.root_line, 0, "unknown document format: root element " + sniffed.describe_root());
            return;
        case SniffOutcome::skip:
            ++summary.skipped;
            sink.on_skipped(split.index, run.file_line(sniffed.root_line), std::string(sniffed.entry->skip_reason));
            return;
        case SniffOutcome::read:
            break;
    }
    RawDocument document;
    document.line = run.file_line(sniffed.root_line);
    sniffed.entry->read(reader, document);
    if (reader.failed()) {
        run.refuse(reader);
        return;
    }
    if (document.number.empty()) {
        run.refuse(sniffed.root_line, 0, "no publication number");
        return;
    }
    ++summary.read;
    sink.on_document(std::move(document), split.index);
}

}  // namespace

GrantFileSummary read_grant_source(ByteSource& source, std::string_view file, DocumentSink& sink,
                                   const GrantFileOptions& options) {
    const FormatRegistry& formats = options.formats != nullptr ? *options.formats : builtin_formats();
    GrantFileSummary summary;
    DocumentSplitter splitter(source, options.splitter);
    SplitDocument split;
    while (splitter.next(split)) {
        ++summary.documents;
        read_one(file, split, sink, options, formats, summary);
    }
    if (summary.documents == 0) {
        ++summary.documents;
        ++summary.refused;
        sink.on_refused(DocumentProblem{std::string(file), 1, 0, 0, "file holds no XML document"});
    }
    return summary;
}

GrantFileSummary read_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                 const GrantFileOptions& options) {
    FileByteSource source(path);
    return read_grant_source(source, path.string(), sink, options);
}

}  // namespace patsub::xml

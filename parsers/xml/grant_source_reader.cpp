#include "parsers/xml/grant_source_reader.h"

#include "parsers/xml/guard/byte_scan.h"
#include "parsers/xml/guard/markup_bounds.h"
#include "parsers/xml/readers/builtin_formats.h"
#include "parsers/xml/split/bulk_record_cutter.h"
#include "parsers/xml/split/docdb_prepass.h"
#include "parsers/xml/split/parallel_documents.h"
#include "parsers/xml/split/parallel_records.h"
#include "parsers/xml/split/record_head.h"

#include <algorithm>
#include <exception>
#include <cstring>
#include <utility>

namespace patsub::xml {

namespace {

class DocumentRun {
public:
    DocumentRun(std::string_view file, const SplitDocument& split, DocumentSink& sink, GrantFileSummary& summary)
        : file_(file), split_(split), sink_(sink), summary_(summary) {}

    // `record` > 0: only that record of the document is refused.
    void refuse(long document_line, int column, std::string cause, int record = 0) {
        if (record == 0) finish_reading();
        ++summary_.refused;
        sink_.on_refused(DocumentProblem{std::string(file_), split_.index, file_line(document_line), column,
                                         std::move(cause), record});
    }

    void refuse(const SafeReader& reader) {
        if (const auto& problem = reader.problem())
            refuse(problem->line, problem->column, problem->message.empty() ? "libxml2 error" : problem->message);
        else
            refuse(0, 0, "document could not be read");
    }

    // A streamed document's fate is told only once its last byte is in: a source that
    // fails further on (a gzip bomb the parser's own limits met first, a stream cut
    // short) is then that document's cause, rather than the next document's.
    void finish_reading() const {
        if (split_.stream == nullptr) return;
        std::string discard(std::size_t{64} << 10, '\0');
        while (split_.stream->read(discard.data(), discard.size()) > 0) {
        }
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

// Takes the records a reader emits from one document: numbers them, turns their lines
// into file lines, refuses those without a publication number and hands on the rest.
class RecordRun final : public RecordSink {
public:
    // `records_before`: records of the document already handed on (by the split reading).
    RecordRun(DocumentRun& run, DocumentSink& sink, GrantFileSummary& summary, int document_index,
              int records_before = 0)
        : run_(run), sink_(sink), summary_(summary), document_index_(document_index), count_(records_before) {}

    void emit(RawDocument&& record) override {
        record.record = ++count_;
        if (record.number.empty()) {
            run_.refuse(record.line, 0, "no publication number", count_);
            return;
        }
        record.line = run_.file_line(record.line);
        ++summary_.read;
        sink_.on_document(std::move(record), document_index_);
    }

    void refuse(long line, std::string cause) override { run_.refuse(line, 0, std::move(cause), ++count_); }

    int count() const { return count_; }

private:
    DocumentRun& run_;
    DocumentSink& sink_;
    GrantFileSummary& summary_;
    int document_index_;
    int count_;
};

// Serves bytes held elsewhere, without copying them first.
class ViewByteSource final : public ByteSource {
public:
    explicit ViewByteSource(std::string_view bytes) : bytes_(bytes) {}
    std::size_t read(char* buffer, std::size_t capacity) override {
        const std::size_t n = std::min(capacity, bytes_.size());
        std::memcpy(buffer, bytes_.data(), n);
        bytes_.remove_prefix(n);
        return n;
    }

private:
    std::string_view bytes_;
};

// Sniffs the document `reader` is on, runs its format's reader and tells the sink what
// became of it.
void read_parsed(SafeReader& reader, DocumentRun& run, const SplitDocument& split, DocumentSink& sink,
                 const FormatRegistry& formats, GrantFileSummary& summary, int records_before = 0) {
    RecordRun records(run, sink, summary, split.index, records_before);
    const SniffResult sniffed = sniff_and_read(reader, formats, records);
    // A document that fails after some of its records were emitted (a DOCDB bulk file
    // broken at its 500th exchange-document) is refused as a whole, and the records
    // before the break stay emitted: each was complete and well-formed when it was
    // handed on, and holding thousands back until the end would defeat streaming.
    if (reader.failed()) {
        run.refuse(reader);
        return;
    }
    switch (sniffed.outcome) {
        case SniffOutcome::failed:
            run.refuse(reader);
            return;
        case SniffOutcome::unknown:
            run.refuse(sniffed.root_line, 0, "unknown document format: root element " + sniffed.describe_root());
            return;
        case SniffOutcome::skip:
            run.finish_reading();
            ++summary.skipped;
            sink.on_skipped(split.index, run.file_line(sniffed.root_line), std::string(sniffed.entry->skip_reason));
            return;
        case SniffOutcome::read:
            break;
    }
    if (records.count() == 0)
        run.refuse(sniffed.root_line, 0, "no patent record found in root element " + sniffed.describe_root());
}

// A document pulled piece by piece: through the DOCDB repairs (bytes of other documents
// pass unchanged) into a SafeReader that checks the markup bounds as they arrive.
void read_pulled(ByteSource& document, DocumentRun& run, const SplitDocument& split, DocumentSink& sink,
                 const GrantFileOptions& options, const FormatRegistry& formats, GrantFileSummary& summary) {
    DocdbRepairSource repaired(document);
    SafeReader reader(repaired, options.limits);
    read_parsed(reader, run, split, sink, formats, summary);
}

// Collects what one record document of a bulk document produced (read on a worker).
// The outcomes of a record document's records, in order.
class RecordOutcomes final : public RecordSink {
public:
    explicit RecordOutcomes(std::vector<RecordOutcome>& outcomes) : outcomes_(outcomes) {}

    void emit(RawDocument&& record) override {
        RecordOutcome& outcome = outcomes_.emplace_back();
        if (record.number.empty()) {
            outcome.kind = RecordOutcome::Kind::refused;
            outcome.line = record.line;
            outcome.cause = "no publication number";
            return;
        }
        outcome.kind = RecordOutcome::Kind::record;
        outcome.document = std::move(record);
    }
    void refuse(long line, std::string cause) override {
        RecordOutcome& outcome = outcomes_.emplace_back();
        outcome.kind = RecordOutcome::Kind::refused;
        outcome.line = line;
        outcome.cause = std::move(cause);
    }

private:
    std::vector<RecordOutcome>& outcomes_;
};

// A record document is repaired (docdb_prepass.h) as the bulk document would have been
// around it: the cut falls outside comments, CDATA sections and references. Clean: the
// document held `records` records and nothing went wrong.
bool read_record_document(std::string_view bytes, std::size_t records, std::vector<RecordOutcome>& outcomes,
                          const GrantFileOptions& options, const FormatRegistry& formats) {
    const DocdbPrepass prepass = docdb_prepass(bytes, options.splitter.stream_threshold);
    if (prepass.outcome == DocdbPrepass::Outcome::refused) return false;
    SafeReader reader(prepass.outcome == DocdbPrepass::Outcome::repaired ? std::string_view(prepass.bytes) : bytes,
                      options.limits, SafeReader::Pieces::whole);
    const std::size_t before = outcomes.size();
    RecordOutcomes sink(outcomes);
    const SniffResult sniffed = sniff_and_read(reader, formats, sink);
    return sniffed.outcome == SniffOutcome::read && !reader.failed() && outcomes.size() - before == records;
}

// Newlines in front of the rest of a bulk document read as one after the split reading
// stopped: libxml2 then sees every byte at its line in the document.
class PaddedRest final : public ByteSource {
public:
    PaddedRest(std::string_view head, long newlines, std::string held, ByteSource& rest)
        : head_(head), newlines_(newlines), held_(std::move(held)), rest_(rest) {}

    std::size_t read(char* buffer, std::size_t capacity) override {
        if (!head_.empty()) return take(head_, buffer, capacity);
        if (newlines_ > 0) {
            const auto n = static_cast<std::size_t>(std::min<long>(newlines_, static_cast<long>(capacity)));
            std::memset(buffer, '\n', n);
            newlines_ -= static_cast<long>(n);
            return n;
        }
        if (held_served_ < held_.size()) {
            std::string_view rest = std::string_view(held_).substr(held_served_);
            const std::size_t n = take(rest, buffer, capacity);
            held_served_ += n;
            return n;
        }
        return rest_.read(buffer, capacity);
    }

private:
    static std::size_t take(std::string_view& from, char* buffer, std::size_t capacity) {
        const std::size_t n = std::min(capacity, from.size());
        std::memcpy(buffer, from.data(), n);
        from.remove_prefix(n);
        return n;
    }

    std::string_view head_;
    long newlines_;
    std::string held_;
    std::size_t held_served_ = 0;
    ByteSource& rest_;
};

// The source of a bulk document that failed while it was being cut: its failure again,
// once the records before it have been read.
class FailedSource final : public ByteSource {
public:
    explicit FailedSource(std::exception_ptr failure) : failure_(std::move(failure)) {}
    std::size_t read(char*, std::size_t) override { std::rethrow_exception(failure_); }

private:
    std::exception_ptr failure_;
};

// The bulk document's head closed at once, repaired and parsed to its end: clean or not.
bool head_reads_cleanly(const BulkRecordCutter& cutter, const GrantFileOptions& options) {
    const std::string alone = std::string(cutter.head()) + "</" + std::string(cutter.root_name()) + ">";
    const DocdbPrepass prepass = docdb_prepass(alone, options.splitter.stream_threshold);
    if (prepass.outcome == DocdbPrepass::Outcome::refused) return false;
    SafeReader reader(prepass.outcome == DocdbPrepass::Outcome::repaired ? std::string_view(prepass.bytes)
                                                                          : std::string_view(alone),
                      options.limits);
    return reader.parse();
}

// Record documents start with `record_head` (the cutter's head when empty), hold as many
// records as the markup check can still only count beside the head's '=', and stay
// within half the size from which a document is streamed.
RecordDocumentShape record_document_shape(const BulkRecordCutter& cutter, std::string_view record_head,
                                          const GrantFileOptions& options) {
    const std::string_view head = record_head.empty() ? cutter.head() : record_head;
    const std::size_t counted = markup_counted_equals(options.limits.markup);
    const std::size_t in_head = count_up_to(head.data(), head.data() + head.size(), '=', counted);
    return {record_head, counted - std::min(counted, in_head), options.splitter.stream_threshold / 2};
}

// A streamed document: a DOCDB bulk document is cut into its records for the worker
// threads (parallel_records.h) where the machine has more than one; the rest, and any
// other streamed document, is read as one, on this thread.
void read_streamed(DocumentRun& run, const SplitDocument& split, DocumentSink& sink, const GrantFileOptions& options,
                   const FormatRegistry& formats, GrantFileSummary& summary) {
    const unsigned threads = parse_threads();
    BulkRecordCutter cutter(*split.stream);
    if (threads <= 1 || !cutter.open()) {
        read_pulled(cutter.remainder(), run, split, sink, options, formats, summary);
        return;
    }
    // The short head only once the head has been read alone without a problem.
    std::string record_head = short_record_head(cutter.head());
    if (!record_head.empty() && !head_reads_cleanly(cutter, options)) record_head.clear();
    int records = 0;
    BulkSplitStop stop = read_bulk_records(
        cutter, threads, record_document_shape(cutter, record_head, options),
        [&](std::string_view bytes, std::size_t count, std::vector<RecordOutcome>& outcomes) {
            return read_record_document(bytes, count, outcomes, options, formats);
        },
        [&](RecordOutcome&& outcome) {
            ++records;
            if (outcome.kind == RecordOutcome::Kind::refused) {
                run.refuse(outcome.line, 0, std::move(outcome.cause), records);
                return;
            }
            outcome.document.record = records;
            outcome.document.line = run.file_line(outcome.document.line);
            ++summary.read;
            sink.on_document(std::move(outcome.document), split.index);
        });
    if (stop.complete) return;
    // The rest as one document, repaired and parsed as the whole would have been.
    const long padding = stop.first ? 0 : stop.line - cutter.head_last_line();
    FailedSource failed(stop.failure);
    PaddedRest rest(cutter.head(), padding, std::move(stop.held),
                    stop.failure ? static_cast<ByteSource&>(failed) : cutter.remainder());
    DocdbRepairSource repaired(rest);
    SafeReader reader(repaired, options.limits);
    read_parsed(reader, run, split, sink, formats, summary, records);
}

void read_one(std::string_view file, const SplitDocument& split, DocumentSink& sink, const GrantFileOptions& options,
              const FormatRegistry& formats, GrantFileSummary& summary) {
    DocumentRun run(file, split, sink, summary);
    if (split.streamed()) {
        try {
            read_streamed(run, split, sink, options, formats, summary);
        } catch (const InterruptedDocumentError&) {
            throw;
        } catch (const CompressedInputError& e) {
            // The decompressor failed inside this document, after some of its records
            // may have been delivered: the failure is this document's, not the next's.
            throw InterruptedDocumentError(e.what(), split.index);
        }
        return;
    }
    // DOCDB excerpts need their namespace declaration and ISO entities restored before a
    // strict parser can read them (docdb_prepass.h); every other document is parsed as is.
    // Repaired copies are held only up to the size above which a document is streamed;
    // a larger one is repaired as it is parsed instead.
    const DocdbPrepass prepass = docdb_prepass(split.bytes, options.splitter.stream_threshold);
    if (prepass.outcome == DocdbPrepass::Outcome::refused) {
        ViewByteSource view(split.bytes);
        read_pulled(view, run, split, sink, options, formats, summary);
        return;
    }
    const std::string_view bytes =
        prepass.outcome == DocdbPrepass::Outcome::repaired ? std::string_view(prepass.bytes) : split.bytes;
    SafeReader reader(bytes, options.limits);
    read_parsed(reader, run, split, sink, formats, summary);
}

}  // namespace

GrantFileSummary read_grant_source(ByteSource& source, std::string_view file, DocumentSink& sink,
                                   const GrantFileOptions& options) {
    const FormatRegistry& formats = options.formats != nullptr ? *options.formats : builtin_formats();
    GrantFileSummary summary;
    DocumentSplitter splitter(source, options.splitter);
    // Documents are parsed on worker threads and handed to the sink here, in file order
    // (parallel_documents.h).
    read_documents(splitter, sink, summary, [&](const SplitDocument& split, DocumentSink& to, GrantFileSummary& counts) {
        read_one(file, split, to, options, formats, counts);
    });
    if (summary.documents == 0) {
        ++summary.documents;
        ++summary.refused;
        sink.on_refused(DocumentProblem{std::string(file), 1, 0, 0, "file holds no XML document"});
    }
    return summary;
}

}  // namespace patsub::xml

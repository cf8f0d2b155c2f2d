#include "parsers/xml/split/parallel_records.h"

#include "parsers/xml/guard/byte_scan.h"
#include "parsers/xml/split/batch_workers.h"

#include <algorithm>
#include <deque>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

namespace patsub::xml {

namespace {

// About 256 KiB of records per hand-over (a hundred DOCDB records): enough that the
// locking is noise, small enough that both workers start at once.
constexpr std::size_t kBatchBytes = std::size_t{256} << 10;
constexpr std::size_t kBatchRecords = 256;

struct Chunk {
    std::size_t offset;
    std::size_t size;
    long line;
    bool first;
};

// Consecutive record chunks, copied out of the cutter's buffer, and their outcomes.
struct Batch {
    std::string bytes;
    std::vector<Chunk> chunks;
    std::vector<RecordOutcome> outcomes;
    std::exception_ptr failure;
    bool done = false;

    void add(const BulkRecordChunk& chunk) {
        chunks.push_back({bytes.size(), chunk.bytes.size(), chunk.line, chunk.first});
        bytes.append(chunk.bytes);
    }
    bool full() const { return bytes.size() >= kBatchBytes || chunks.size() >= kBatchRecords; }
    std::string_view chunk(std::size_t i) const { return std::string_view(bytes).substr(chunks[i].offset, chunks[i].size); }
};

// The record documents' head and end tag, and how a line in a record document becomes
// a line of the bulk document.
class RecordDocuments {
public:
    RecordDocuments(const BulkRecordCutter& cutter, const RecordDocumentShape& shape)
        : head_(shape.head.empty() ? cutter.head() : shape.head),
          head_last_line_(1 + static_cast<long>(std::count(head_.begin(), head_.end(), '\n'))),
          document_head_last_line_(cutter.head_last_line()),
          end_tag_("</" + std::string(cutter.root_name()) + ">"),
          equals_(shape.equals),
          bytes_(shape.bytes) {}

    // The first chunk follows the head as in the file; any other starts a line of its own.
    void build(std::string& out, std::string_view chunks, bool first) const {
        out.assign(head_);
        if (!first) out.push_back('\n');
        out.append(chunks);
        out.append(end_tag_);
    }

    // A line of the record document whose first chunk is `chunk`.
    long document_line(long line, const Chunk& chunk) const {
        if (chunk.first) return line - head_last_line_ + document_head_last_line_;
        return line - (head_last_line_ + 1) + chunk.line;
    }

    // The chunks from the `from`-th on that go into one record document with it.
    std::size_t group_end(const Batch& batch, std::size_t from) const {
        std::size_t equals = 0;
        std::size_t end = from;
        for (; end < batch.chunks.size(); ++end) {
            const std::string_view chunk = batch.chunk(end);
            equals += count_up_to(chunk.data(), chunk.data() + chunk.size(), '=', equals_);
            const std::size_t bytes = batch.chunks[end].offset + chunk.size() - batch.chunks[from].offset;
            if ((equals > equals_ || bytes > bytes_) && end > from) break;
        }
        return end;
    }

private:
    std::string head_;
    long head_last_line_;           // in a record document
    long document_head_last_line_;  // in the bulk document
    std::string end_tag_;
    std::size_t equals_;
    std::size_t bytes_;
};

// Reads the batch's records, a few to a record document, until the first unclean
// document: an unclean document ends the split reading (its first record's outcome is
// `unclean`), and the records from there on are read again as one document. Lines
// become the bulk document's here. Runs on a worker thread.
void read_records(Batch& batch, const RecordDocuments& documents, const RecordDocumentReadFn& read) {
    thread_local std::string document;  // a record document's buffer, kept between documents
    try {
        for (std::size_t from = 0; from < batch.chunks.size();) {
            const std::size_t end = documents.group_end(batch, from);
            const Chunk& first = batch.chunks[from];
            const Chunk& last = batch.chunks[end - 1];
            const std::size_t size = last.offset + last.size - first.offset;
            documents.build(document, std::string_view(batch.bytes).substr(first.offset, size), first.first);
            const std::size_t before = batch.outcomes.size();
            if (!read(document, end - from, batch.outcomes) || batch.outcomes.size() != before + (end - from)) {
                batch.outcomes.resize(before);
                batch.outcomes.emplace_back();  // unclean
                break;
            }
            for (std::size_t i = before; i < batch.outcomes.size(); ++i) {
                RecordOutcome& outcome = batch.outcomes[i];
                long& line = outcome.kind == RecordOutcome::Kind::record ? outcome.document.line : outcome.line;
                line = documents.document_line(line, first);
            }
            from = end;
        }
    } catch (...) {
        batch.failure = std::current_exception();
    }
}

}  // namespace

BulkSplitStop read_bulk_records(BulkRecordCutter& cutter, unsigned threads, const RecordDocumentShape& shape,
                                const RecordDocumentReadFn& read, const RecordOutcomeFn& deliver) {
    const RecordDocuments documents(cutter, shape);
    std::deque<std::unique_ptr<Batch>> in_flight;
    std::unique_ptr<Batch> current;
    std::vector<std::unique_ptr<Batch>> spare;
    BulkSplitStop stop;
    // Declared after the batches: stopped and joined first, before the batches its
    // threads may still be reading go.
    BatchWorkers<Batch> workers(threads, [&](Batch& b) { read_records(b, documents, read); });

    // The chunks from `batch`'s `from`-th on, and every later one cut, are read again as
    // one document.
    const auto stop_at = [&](std::size_t queued, std::size_t from) {
        const Batch& batch = *in_flight[queued];
        stop.line = batch.chunks[from].line;
        stop.first = batch.chunks[from].first;
        for (std::size_t b = queued; b < in_flight.size(); ++b) {
            const Batch& later = *in_flight[b];
            for (std::size_t i = b == queued ? from : 0; i < later.chunks.size(); ++i) stop.held.append(later.chunk(i));
        }
        if (current)
            for (std::size_t i = 0; i < current->chunks.size(); ++i) stop.held.append(current->chunk(i));
    };

    // Hands on the oldest batch; false when the split reading stops there.
    const auto hand_on_front = [&]() -> bool {
        Batch& batch = *in_flight.front();
        workers.wait(batch);
        for (std::size_t i = 0; i < batch.outcomes.size(); ++i) {
            RecordOutcome& outcome = batch.outcomes[i];
            if (outcome.kind == RecordOutcome::Kind::unclean) {
                stop_at(0, i);
                return false;
            }
            deliver(std::move(outcome));
        }
        if (batch.failure) std::rethrow_exception(batch.failure);
        std::unique_ptr<Batch> done = std::move(in_flight.front());
        in_flight.pop_front();
        if (spare.size() < 2) {
            done->bytes.clear();
            done->chunks.clear();
            done->outcomes.clear();
            done->done = false;
            spare.push_back(std::move(done));
        }
        return true;
    };

    const auto submit = [&]() -> bool {
        while (in_flight.size() >= 2 * threads)
            if (!hand_on_front()) return false;
        workers.submit(current.get());
        in_flight.push_back(std::move(current));
        return true;
    };

    // A source that fails halfway (a truncated gzip stream) still delivers every record
    // cut before the failure, as the one-document reading does, then its failure. When
    // one of them is unclean, the records from it on are read again as one document
    // before the failure is met (BulkSplitStop::failure).
    const auto next = [&](BulkRecordChunk& chunk) {
        try {
            return cutter.next(chunk);
        } catch (...) {
            const std::exception_ptr failure = std::current_exception();
            if (current) {
                workers.submit(current.get());
                in_flight.push_back(std::move(current));
            }
            while (!in_flight.empty())
                if (!hand_on_front()) {
                    stop.failure = failure;
                    return BulkRecordCutter::Cut::unsure;
                }
            std::rethrow_exception(failure);
        }
    };
    BulkRecordChunk chunk;
    BulkRecordCutter::Cut cut;
    while ((cut = next(chunk)) == BulkRecordCutter::Cut::record) {
        if (!current) {
            if (spare.empty()) {
                current = std::make_unique<Batch>();
            } else {
                current = std::move(spare.back());
                spare.pop_back();
            }
        }
        current->add(chunk);
        if (current->full() && !submit()) return stop;
    }
    if (stop.failure) return stop;
    if (current && !submit()) return stop;
    while (!in_flight.empty())
        if (!hand_on_front()) return stop;
    if (cut == BulkRecordCutter::Cut::end) {
        stop.complete = true;
        return stop;
    }
    stop.line = cutter.line();
    stop.first = cutter.at_first_chunk();
    return stop;
}

}  // namespace patsub::xml

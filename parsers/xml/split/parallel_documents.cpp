#include "parsers/xml/split/parallel_documents.h"

#include "parsers/xml/split/batch_workers.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace patsub::xml {

namespace {

// About 1 MiB of documents per hand-over: a few hundred CNIPA records or a dozen US
// full texts, so that the locking is noise next to the parsing.
constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
constexpr std::size_t kBatchDocuments = 512;
// A document this large is read on the calling thread: its copy and, for a multi-record
// document, its recorded records would otherwise be held in memory whole. A streamed
// document (document_splitter.h) always is: its bytes are the splitter's, pulled as it
// is parsed.
constexpr std::size_t kInlineBytes = std::size_t{8} << 20;

struct RecordedDocument {
    RawDocument document;
    int index;
};
struct RecordedRefusal {
    DocumentProblem problem;
};
struct RecordedSkip {
    int index;
    long line;
    std::string why;
};
struct RecordedMember {
    std::string member;
};
using Event = std::variant<RecordedDocument, RecordedRefusal, RecordedSkip, RecordedMember>;

// Keeps what a worker's read_one tells the sink, for the replay on the sink's thread.
class RecordingSink final : public DocumentSink {
public:
    explicit RecordingSink(std::vector<Event>& events) : events_(events) {}

    void on_document(RawDocument&& document, int index) override {
        events_.emplace_back(RecordedDocument{std::move(document), index});
    }
    void on_refused(DocumentProblem problem) override { events_.emplace_back(RecordedRefusal{std::move(problem)}); }
    void on_skipped(int index, long line, std::string why) override {
        events_.emplace_back(RecordedSkip{index, line, std::move(why)});
    }
    void on_member(std::string_view member) override { events_.emplace_back(RecordedMember{std::string(member)}); }

private:
    std::vector<Event>& events_;
};

void replay(Event& event, DocumentSink& sink) {
    if (auto* d = std::get_if<RecordedDocument>(&event))
        sink.on_document(std::move(d->document), d->index);
    else if (auto* r = std::get_if<RecordedRefusal>(&event))
        sink.on_refused(std::move(r->problem));
    else if (auto* s = std::get_if<RecordedSkip>(&event))
        sink.on_skipped(s->index, s->line, std::move(s->why));
    else if (auto* m = std::get_if<RecordedMember>(&event))
        sink.on_member(m->member);
}

void add_counts(GrantFileSummary& to, const GrantFileSummary& from) {
    to.documents += from.documents;
    to.read += from.read;
    to.refused += from.refused;
    to.skipped += from.skipped;
}

// Consecutive documents of the file, copied out of the splitter's buffer (which moves on
// as soon as the next document is asked for), and what reading them produced.
struct Batch {
    struct Document {
        std::size_t offset;
        std::size_t size;
        long start_line;
        int index;
    };
    std::string bytes;
    std::vector<Document> documents;
    // Filled by the worker.
    std::vector<Event> events;
    GrantFileSummary counts;
    std::exception_ptr failure;  // what read threw, after the events before it
    bool done = false;

    // Ready for the next documents, keeping its buffers: a national file is thousands of
    // batches, and a fresh ~1 MiB buffer each time would be allocated on this thread and
    // freed after another thread's use, which fragments glibc's arenas (a 1,000,000-record
    // run grew to 103 MB of RSS around 31 MB of heap).
    void reuse() {
        bytes.clear();
        documents.clear();
        events.clear();
        counts = {};
        failure = nullptr;
        done = false;
    }

    void add(const SplitDocument& split) {
        documents.push_back({bytes.size(), split.bytes.size(), split.start_line, split.index});
        bytes.append(split.bytes);
    }
    bool full() const { return bytes.size() >= kBatchBytes || documents.size() >= kBatchDocuments; }

    void read_all(const DocumentReadFn& read) {
        RecordingSink recorder(events);
        try {
            for (const Document& d : documents) {
                SplitDocument split;
                split.bytes = std::string_view(bytes).substr(d.offset, d.size);
                split.start_line = d.start_line;
                split.index = d.index;
                read(split, recorder, counts);
            }
        } catch (...) {
            failure = std::current_exception();
        }
    }
};

// Worker threads for the documents of one file, started when the file turns out to hold
// more than one batch.
using Workers = BatchWorkers<Batch>;

// The documents of one file in order: batches go to the workers, come back in the order
// they went, and are replayed to the sink.
class Pipeline {
public:
    Pipeline(unsigned threads, DocumentSink& sink, GrantFileSummary& summary, const DocumentReadFn& read)
        : threads_(threads), sink_(sink), summary_(summary), read_(read) {}

    void add(const SplitDocument& split) {
        if (!current_) current_ = next_batch();
        current_->add(split);
        if (current_->full()) submit();
    }

    // Hands on everything submitted so far; afterwards the calling thread may use the
    // sink directly.
    void drain() {
        if (current_ && !workers_) {
            // A file that never filled a batch is read here: no thread for a small file.
            current_->read_all(read_);
            in_flight_.push_back(std::move(current_));
        }
        if (current_) submit();
        while (!in_flight_.empty()) hand_on_front();
    }

private:
    void submit() {
        if (!workers_ && !no_threads_) {
            try {
                workers_ = std::make_unique<Workers>(threads_, [this](Batch& b) { b.read_all(read_); });
            } catch (const std::system_error&) {
                no_threads_ = true;  // no thread to be had: read here, as with one thread
            }
        }
        if (!workers_) {
            current_->read_all(read_);
            in_flight_.push_back(std::move(current_));
            hand_on_front();
            return;
        }
        // Two batches per worker keep every worker busy while the sink catches up.
        while (in_flight_.size() >= 2 * threads_) hand_on_front();
        workers_->submit(current_.get());
        in_flight_.push_back(std::move(current_));
    }

    void hand_on_front() {
        std::unique_ptr<Batch> batch = std::move(in_flight_.front());
        in_flight_.pop_front();
        if (workers_) workers_->wait(*batch);
        for (Event& event : batch->events) replay(event, sink_);
        add_counts(summary_, batch->counts);
        if (batch->failure) std::rethrow_exception(batch->failure);
        if (spare_.size() < 2) spare_.push_back(std::move(batch));
    }

    std::unique_ptr<Batch> next_batch() {
        if (spare_.empty()) return std::make_unique<Batch>();
        std::unique_ptr<Batch> batch = std::move(spare_.back());
        spare_.pop_back();
        batch->reuse();
        return batch;
    }

    unsigned threads_;
    DocumentSink& sink_;
    GrantFileSummary& summary_;
    const DocumentReadFn& read_;
    std::unique_ptr<Batch> current_;
    std::deque<std::unique_ptr<Batch>> in_flight_;
    std::vector<std::unique_ptr<Batch>> spare_;  // handed on, kept for their buffers
    bool no_threads_ = false;
    // Declared last: destroyed (stopped and joined) first, before the batches its
    // threads may still be reading.
    std::unique_ptr<Workers> workers_;
};

}  // namespace

unsigned parse_threads() {
    if (const char* env = std::getenv("PATSUB_PARSE_THREADS"); env != nullptr && *env != '\0') {
        char* end = nullptr;
        const long n = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && n >= 1 && n <= 16) return static_cast<unsigned>(n);
    }
    return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

void read_documents(DocumentSplitter& splitter, DocumentSink& sink, GrantFileSummary& summary,
                    const DocumentReadFn& read) {
    const unsigned threads = parse_threads();
    SplitDocument split;
    if (threads <= 1) {
        while (splitter.next(split)) {
            ++summary.documents;
            read(split, sink, summary);
        }
        return;
    }
    Pipeline pipeline(threads, sink, summary, read);
    for (;;) {
        bool more = false;
        try {
            more = splitter.next(split);
        } catch (...) {
            // A source that fails halfway (a truncated gzip stream) still delivers every
            // document before the failure, as the one-thread loop does.
            pipeline.drain();
            throw;
        }
        if (!more) break;
        ++summary.documents;
        if (split.streamed() || split.bytes.size() > kInlineBytes) {
            pipeline.drain();
            read(split, sink, summary);
        } else {
            pipeline.add(split);
        }
    }
    pipeline.drain();
}

}  // namespace patsub::xml

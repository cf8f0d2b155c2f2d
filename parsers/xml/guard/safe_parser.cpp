#include "parsers/xml/guard/safe_parser.h"

#include "parsers/xml/guard/byte_order_mark.h"
#include "parsers/xml/guard/markup_bounds.h"
#include "parsers/xml/guard/mislabelled_utf8.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace patsub::xml {

namespace {

// The SafeReader currently inside a libxml2 call on this thread: the entity loader and
// the stray-error handlers report to it.
thread_local SafeReader* t_active = nullptr;

struct SavedHandlers {
    int users = 0;
    xmlStructuredErrorFunc structured = nullptr;
    void* structured_ctx = nullptr;
    xmlGenericErrorFunc generic = nullptr;
    void* generic_ctx = nullptr;
};
thread_local SavedHandlers t_saved;

std::once_flag g_guard_once;
xmlExternalEntityLoader g_previous_loader = nullptr;

// One xmlTextReader per thread is kept between documents and reset for the next one
// (xmlReaderNewMemory): creating and freeing a reader, its parser context, dictionary and
// buffers cost as much as parsing a whole 5 KB CNIPA record, and a year of CNIPA grants
// is 3.6 million of them. The reset keeps the options, the dictionary of names and the
// freed-node lists; everything that belongs to a document is gone after
// xmlTextReaderClose. A reader is put back only after a clean document, and retired
// after kReaderUses documents so that its dictionary cannot grow without bound.
class ReaderPool {
public:
    ReaderPool() = default;
    ReaderPool(const ReaderPool&) = delete;
    ReaderPool& operator=(const ReaderPool&) = delete;
    ~ReaderPool() {
        if (spare_ != nullptr) xmlFreeTextReader(spare_);
    }

    // A reader on `bytes`, or nullptr when libxml2 cannot start one.
    xmlTextReaderPtr open(std::string_view bytes) {
        // The reset skips libxml2's detection of the encoding from the first bytes (it
        // assumes UTF-8 until the declaration says otherwise), so only documents that
        // start with '<' (no BOM, no UTF-16) are read by a reset reader.
        if (spare_ != nullptr && bytes.front() == '<') {
            xmlTextReaderPtr reader = std::exchange(spare_, nullptr);
            if (xmlReaderNewMemory(reader, bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                   safe_parser_options()) == 0)
                return reader;
            xmlFreeTextReader(reader);
        }
        uses_ = 0;
        return xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                  safe_parser_options());
    }

    // Takes back a reader whose document was read without a problem; frees any other.
    void close(xmlTextReaderPtr reader, bool clean) {
        if (reader == nullptr) return;
        // The handler points at the SafeReader that is going away.
        xmlTextReaderSetStructuredErrorHandler(reader, nullptr, nullptr);
        if (!clean || spare_ != nullptr || ++uses_ >= kReaderUses || xmlTextReaderClose(reader) != 0) {
            xmlFreeTextReader(reader);
            return;
        }
        spare_ = reader;
    }

private:
    static constexpr int kReaderUses = 256;
    xmlTextReaderPtr spare_ = nullptr;
    int uses_ = 0;
};
thread_local ReaderPool t_readers;

xmlParserInputPtr refusing_loader(const char* url, const char* id, xmlParserCtxtPtr ctxt) {
    if (SafeReader* reader = t_active) {
        long line = 0;
        int column = 0;
        if (ctxt != nullptr && ctxt->input != nullptr) {
            line = ctxt->input->line;
            column = ctxt->input->col;
        }
        // Build the message without allocating: record() copies it.
        char message[512];
        std::snprintf(message, sizeof message, "refused to load external resource '%s'",
                      url != nullptr ? url : (id != nullptr ? id : "?"));
        reader->record(line, column, message);
        return nullptr;
    }
    return g_previous_loader != nullptr ? g_previous_loader(url, id, ctxt) : nullptr;
}

void reader_error(void* arg, xmlErrorPtr error) {
    auto* reader = static_cast<SafeReader*>(arg);
    if (reader == nullptr || error == nullptr) return;
    reader->record(error->line, error->int2, error->message != nullptr ? error->message : "libxml2 error");
}

void stray_structured_error(void*, xmlErrorPtr error) {
    if (error == nullptr) return;
    if (SafeReader* reader = t_active) {
        reader->record(error->line, error->int2, error->message != nullptr ? error->message : "libxml2 error");
    } else if (t_saved.structured != nullptr) {
        t_saved.structured(t_saved.structured_ctx, error);
    } else if (t_saved.generic != nullptr && error->message != nullptr) {
        t_saved.generic(t_saved.generic_ctx, "%s", error->message);
    }
}

void stray_generic_error(void*, const char* format, ...) {
    char message[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (SafeReader* reader = t_active) {
        reader->record(0, 0, message);
    } else if (t_saved.generic != nullptr) {
        t_saved.generic(t_saved.generic_ctx, "%s", message);
    }
}

}  // namespace

int safe_parser_options() {
    return XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;
}

void install_entity_guard() {
    std::call_once(g_guard_once, [] {
        xmlInitParser();
        g_previous_loader = xmlGetExternalEntityLoader();
        xmlSetExternalEntityLoader(refusing_loader);
    });
}

// Marks `reader` as the one inside libxml2 for the duration of one call.
class SafeReader::Scope {
public:
    explicit Scope(SafeReader* reader) : previous_(t_active) { t_active = reader; }
    ~Scope() { t_active = previous_; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    SafeReader* previous_;
};

SafeReader::ThreadErrorRedirect::ThreadErrorRedirect() {
    if (t_saved.users++ == 0) {
        t_saved.structured = xmlStructuredError;
        t_saved.structured_ctx = xmlStructuredErrorContext;
        t_saved.generic = xmlGenericError;
        t_saved.generic_ctx = xmlGenericErrorContext;
        xmlSetStructuredErrorFunc(nullptr, stray_structured_error);
        xmlSetGenericErrorFunc(nullptr, stray_generic_error);
    }
}

SafeReader::ThreadErrorRedirect::~ThreadErrorRedirect() {
    if (--t_saved.users == 0) {
        xmlSetStructuredErrorFunc(t_saved.structured_ctx, t_saved.structured);
        xmlSetGenericErrorFunc(t_saved.generic_ctx, t_saved.generic);
    }
}

SafeReader::SafeReader(std::string_view bytes, ParseLimits limits) : limits_(limits) {
    install_entity_guard();
    Scope scope(this);
    if (bytes.empty()) {
        record(1, 1, "empty document");
        return;
    }
    // xmlReaderForMemory takes an int size.
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        record(1, 1, "document larger than 2 GiB");
        return;
    }
    if (auto contradiction = mark_contradiction(bytes)) {
        record(1, 1, *contradiction);
        return;
    }
    if (auto mislabelled = mislabelled_utf8(bytes)) {
        record(1, 1, *mislabelled);
        return;
    }
    // A UTF-8 mark agrees with the declaration (or there is none): libxml2 reads the
    // document as UTF-8 without it, and a document starting with '<' can use a reset
    // reader (ReaderPool).
    if (bytes.starts_with(kUtf8Mark)) bytes.remove_prefix(kUtf8Mark.size());
    if (auto violation = check_markup_bounds(bytes, limits_.markup)) {
        record(violation->line, 0, violation->message);
        return;
    }
    reader_.reset(t_readers.open(bytes));
    if (!reader_) {
        if (!problem_) record(1, 1, "libxml2 could not start reading the document");
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(reader_.get(), reader_error, this);
}

// A pulled document: where its bytes come from, the markup check they pass on their way
// to libxml2, and what the source threw (it must not cross libxml2's C frames).
struct SafeReader::Input {
    Input(ByteSource& s, const MarkupBoundsLimits& limits) : source(s), bounds(limits) {}

    ByteSource& source;
    MarkupBoundsScanner bounds;
    // The first bytes, read before libxml2 starts for the checks made on a document's
    // start (empty, a contradicted byte-order mark), and served to libxml2 first.
    std::string head;
    std::size_t head_served = 0;
    bool source_ended = false;  // the source returned 0: it is not asked again
    bool finished = false;      // the markup check has seen the end
    std::exception_ptr failure;
};

SafeReader::SafeReader(ByteSource& source, ParseLimits limits) : limits_(limits) {
    install_entity_guard();
    Scope scope(this);
    input_ = std::make_unique<Input>(source, limits_.markup);
    // Enough for mark_contradiction, which reads at most the first 514 bytes.
    constexpr std::size_t kHeadBytes = 4096;
    Input& in = *input_;
    in.head.resize(kHeadBytes);
    std::size_t held = 0;
    while (held < kHeadBytes && !in.source_ended) {
        const std::size_t n = source.read(in.head.data() + held, kHeadBytes - held);
        in.source_ended = n == 0;
        held += n;
    }
    in.head.resize(held);
    if (held == 0) {
        record(1, 1, "empty document");
        return;
    }
    if (auto contradiction = mark_contradiction(in.head)) {
        record(1, 1, *contradiction);
        return;
    }
    if (auto mislabelled = mislabelled_utf8(in.head)) {
        record(1, 1, *mislabelled);
        return;
    }
    if (std::string_view(in.head).starts_with(kUtf8Mark)) in.head.erase(0, kUtf8Mark.size());
    if (auto violation = in.bounds.feed(in.head)) {
        record(violation->line, 0, violation->message);
        return;
    }
    reader_.reset(xmlReaderForIO(read_input, close_input, this, nullptr, nullptr, safe_parser_options()));
    rethrow_input_failure();
    if (!reader_) {
        if (!problem_) record(1, 1, "libxml2 could not start reading the document");
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(reader_.get(), reader_error, this);
}

int SafeReader::read_input(void* context, char* buffer, int length) noexcept {
    if (length <= 0) return 0;
    // Full pieces of 512 bytes, xmlTextReader's CHUNK_SIZE, for two libxml2 2.9 reasons:
    // - the reader drops the input it has parsed only when a read leaves it less than
    //   CHUNK_SIZE ahead of the parser; given the 4 KiB it asks for, a document whose
    //   element boundaries fall unluckily keeps every byte it was given (67 MB held for
    //   a 50 MB DOCDB file of 1.8 KB abstracts). A piece of CHUNK_SIZE is parsed whole
    //   after each read, so what it holds stays a few KiB;
    // - the parser is then handed the same 512-byte chunks, from the same offsets, as
    //   when it reads a document held in memory, so it runs ahead of the reader by the
    //   same amount: what depends on that (the line libxml2 reports for an element past
    //   line 65,535, which it reads off neighbouring text nodes) comes out the same.
    constexpr int kPiece = 512;
    return static_cast<SafeReader*>(context)->pull(buffer, static_cast<std::size_t>(std::min(length, kPiece)));
}

// The source belongs to the caller: nothing to close.
int SafeReader::close_input(void*) noexcept { return 0; }

int SafeReader::pull(char* buffer, std::size_t capacity) noexcept {
    Input& in = *input_;
    if (in.failure) return -1;
    try {
        // Whole pieces (see read_input): the head first, then the source, which may
        // serve less at a time.
        std::size_t n = std::min(capacity, in.head.size() - in.head_served);
        std::memcpy(buffer, in.head.data() + in.head_served, n);
        in.head_served += n;
        if (in.head_served == in.head.size() && !in.head.empty()) {
            std::string().swap(in.head);
            in.head_served = 0;
        }
        const std::size_t from_source = n;
        while (n < capacity && !in.source_ended) {
            const std::size_t got = in.source.read(buffer + n, capacity - n);
            in.source_ended = got == 0;
            n += got;
        }
        if (n == 0) {
            if (in.finished) return 0;
            in.finished = true;
            if (const auto violation = in.bounds.finish()) {
                record(violation->line, 0, violation->message);
                return -1;
            }
            return 0;
        }
        // The check runs on each piece before libxml2 sees it, as it runs on the whole
        // of an in-memory document before libxml2 starts (the head was checked then).
        if (const auto violation = in.bounds.feed(std::string_view(buffer + from_source, n - from_source))) {
            record(violation->line, 0, violation->message);
            return -1;
        }
        return static_cast<int>(n);
    } catch (...) {
        in.failure = std::current_exception();
        return -1;
    }
}

void SafeReader::rethrow_input_failure() const {
    if (input_ && input_->failure) std::rethrow_exception(input_->failure);
}

SafeReader::~SafeReader() {
    Scope scope(this);
    // A reader that pulled its input is not kept for the next document: it was set up
    // for callbacks into this object, and a document that large is rare.
    t_readers.close(reader_.release(), !problem_.has_value() && !input_);
}

int SafeReader::read() {
    if (problem_ || !reader_) return -1;
    Scope scope(this);
    const int rc = finish_call(xmlTextReaderRead(reader_.get()));
    rethrow_input_failure();
    return rc;
}

int SafeReader::skip_subtree() {
    if (problem_ || !reader_) return -1;
    Scope scope(this);
    const int rc = finish_call(xmlTextReaderNext(reader_.get()));
    rethrow_input_failure();
    return rc;
}

int SafeReader::finish_call(int rc) {
    if (problem_) return -1;
    if (rc < 0) {
        record(xmlTextReaderGetParserLineNumber(reader_.get()), xmlTextReaderGetParserColumnNumber(reader_.get()),
               "libxml2 stopped reading without an error message");
        return -1;
    }
    return rc;
}

void SafeReader::fail(std::string message) {
    record(current_line(), 0, message);
}

long SafeReader::current_line() const {
    if (!reader_) return 0;
    if (xmlNodePtr node = xmlTextReaderCurrentNode(reader_.get())) {
        long line = xmlGetLineNo(node);
        if (line > 0) return line;
    }
    return xmlTextReaderGetParserLineNumber(reader_.get());
}

void SafeReader::record(long line, int column, std::string_view message) noexcept {
    if (problem_) return;  // the first report is the cause; later ones are consequences
    // Strip the trailing newline libxml2 puts on messages; join multi-line ones.
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.remove_suffix(1);
    try {
        ParseProblem problem{line, column, std::string(message)};
        for (char& c : problem.message)
            if (c == '\n') c = ' ';
        problem_ = std::move(problem);
    } catch (...) {
        problem_.emplace();  // out of memory: still refuse, without a message
        problem_->line = line;
        problem_->column = column;
    }
}

}  // namespace patsub::xml

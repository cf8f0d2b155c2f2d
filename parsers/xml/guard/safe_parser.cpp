#include "parsers/xml/guard/safe_parser.h"

#include "parsers/xml/guard/byte_order_mark.h"
#include "parsers/xml/guard/markup_bounds.h"
#include "parsers/xml/guard/mislabelled_utf8.h"
#include "parsers/xml/guard/parser_context_pool.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/entities.h>
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

thread_local ParserContextPool t_contexts;

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

// The SAX2 callbacks: each finds its SafeReader through the context's _private. libxml2
// also calls them, with a context of its own, while it checks the replacement text of an
// internal entity on its first reference (the old context's _private is copied into
// it); those calls carry nothing of the document and are ignored. Nothing may be thrown
// through libxml2's C frames: what a ParseEvents throws is kept and rethrown by parse().
class SafeReader::Callbacks {
public:
    static xmlSAXHandler* handler() {
        static xmlSAXHandler sax = [] {
            xmlSAXHandler h;
            // The defaults keep the document's internal subset (entity declarations), so
            // that libxml2 tells declared from undeclared entities as it did under
            // xmlTextReader; everything that would build a tree is replaced.
            xmlSAXVersion(&h, 2);
            h.startElement = nullptr;
            h.endElement = nullptr;
            h.startElementNs = start_element;
            h.endElementNs = end_element;
            h.characters = characters;
            h.ignorableWhitespace = characters;
            h.cdataBlock = cdata;
            h.reference = reference;
            h.comment = comment;
            h.processingInstruction = processing_instruction;
            h.error = nullptr;
            h.warning = nullptr;
            h.serror = error;
            return h;
        }();
        return &sax;
    }

private:
    static SafeReader* owner(void* context) {
        auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
        auto* reader = static_cast<SafeReader*>(ctxt->_private);
        return reader != nullptr && reader->listening(context) ? reader : nullptr;
    }

    // Calls the document's ParseEvents; what they throw is kept for parse() to rethrow.
    template <class Call>
    static void forward(SafeReader* reader, Call&& call) {
        try {
            call(*reader->events_);
        } catch (...) {
            reader->keep_failure();
        }
    }

    // A limit libxml2 keeps only while building a tree is broken: the document fails with
    // libxml2's own words, where the parser is.
    static void refuse(SafeReader* reader, xmlParserCtxtPtr ctxt, const std::string& message) {
        reader->record(ctxt->input != nullptr ? ctxt->input->line : 0, ctxt->input != nullptr ? ctxt->input->col : 0,
                       message);
        ctxt->disableSAX = 1;
    }

    static void start_element(void* context, const xmlChar* local_name, const xmlChar* prefix, const xmlChar* uri,
                              int, const xmlChar**, int attribute_count, int defaulted, const xmlChar** attributes) {
        SafeReader* reader = owner(context);
        if (reader == nullptr) return;
        auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
        // libxml2's own nesting limit without XML_PARSE_HUGE is enforced where a tree is
        // built (nodePush), so without a tree it is checked here, with its message.
        if (reader->open_elements_++ > static_cast<int>(xmlParserMaxDepth) && (ctxt->options & XML_PARSE_HUGE) == 0) {
            refuse(reader, ctxt,
                   "Excessive depth in document: " + std::to_string(xmlParserMaxDepth) + " use XML_PARSE_HUGE option");
            return;
        }
        reader->text_run_ = 0;
        if ((ctxt->loadsubset & XML_COMPLETE_ATTRS) == 0) attribute_count -= defaulted;
        forward(reader, [&](ParseEvents& events) {
            events.start_element(StartTag{local_name, prefix, uri, attribute_count, attributes});
        });
    }

    static void end_element(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
        SafeReader* reader = owner(context);
        if (reader == nullptr) return;
        --reader->open_elements_;
        reader->text_run_ = 0;
        forward(reader, [](ParseEvents& events) { events.end_element(); });
    }

    static void characters(void* context, const xmlChar* text, int length) {
        SafeReader* reader = owner(context);
        if (reader == nullptr) return;
        // libxml2's limit on one text node without XML_PARSE_HUGE is enforced where the
        // tree joins consecutive text (xmlSAX2Characters), so it is checked here: on the
        // text since the last element, CDATA section, reference, comment or PI.
        auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
        if (reader->text_run_ + length > XML_MAX_TEXT_LENGTH && (ctxt->options & XML_PARSE_HUGE) == 0) {
            refuse(reader, ctxt, "xmlSAX2Characters: huge text node");
            return;
        }
        reader->text_run_ += length;
        deliver(reader, text, length);
    }

    static void cdata(void* context, const xmlChar* text, int length) {
        SafeReader* reader = owner(context);
        if (reader == nullptr) return;
        reader->text_run_ = 0;
        deliver(reader, text, length);
    }

    static void comment(void* context, const xmlChar*) {
        if (SafeReader* reader = owner(context)) reader->text_run_ = 0;
    }

    static void processing_instruction(void* context, const xmlChar*, const xmlChar*) {
        if (SafeReader* reader = owner(context)) reader->text_run_ = 0;
    }

    static void deliver(SafeReader* reader, const xmlChar* text, int length) {
        forward(reader, [&](ParseEvents& events) {
            events.characters(std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
        });
    }

    static void reference(void* context, const xmlChar* name) {
        SafeReader* reader = owner(context);
        if (reader == nullptr) return;
        reader->text_run_ = 0;
        forward(reader, [&](ParseEvents& events) {
            events.entity_reference(name != nullptr ? reinterpret_cast<const char*>(name) : "");
        });
    }

    static void error(void* context, xmlErrorPtr error) {
        if (context == nullptr || error == nullptr) return;
        auto* reader = static_cast<SafeReader*>(static_cast<xmlParserCtxtPtr>(context)->_private);
        if (reader == nullptr) return;
        reader->record(error->line, error->int2, error->message != nullptr ? error->message : "libxml2 error");
    }
};

bool SafeReader::listening(void* context) const {
    return context == context_ && events_ != nullptr && !problem_ && !event_failure_;
}

void SafeReader::keep_failure() noexcept {
    event_failure_ = std::current_exception();
    stopped_ = true;
    if (context_ != nullptr) context_->disableSAX = 1;
}

SafeReader::SafeReader(std::string_view bytes, ParseLimits limits, Pieces pieces) : limits_(limits), pieces_(pieces) {
    install_entity_guard();
    Scope scope(this);
    if (bytes.empty()) {
        record(1, 1, "empty document");
        return;
    }
    // libxml2 takes int sizes.
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
    // context (ParserContextPool).
    if (bytes.starts_with(kUtf8Mark)) bytes.remove_prefix(kUtf8Mark.size());
    if (auto violation = check_markup_bounds(bytes, limits_.markup)) {
        record(violation->line, 0, violation->message);
        return;
    }
    held_ = bytes;
    ready_ = true;
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
    ready_ = true;
}

int SafeReader::pull(char* buffer, std::size_t capacity) noexcept {
    Input& in = *input_;
    if (in.failure) return -1;
    try {
        // Whole pieces: the head first, then the source, which may serve less at a time.
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

void SafeReader::rethrow_failures() {
    if (input_ && input_->failure) std::rethrow_exception(input_->failure);
    if (event_failure_) std::rethrow_exception(std::exchange(event_failure_, nullptr));
}

SafeReader::~SafeReader() {
    Scope scope(this);
    t_contexts.close(context_, parsed_);
}

namespace {

// The pieces xmlTextReader hands its push parser (its CHUNK_SIZE), after the first 4
// bytes it starts the parser with.
constexpr std::size_t kFirstBytes = 4;
constexpr std::size_t kPiece = 512;

// Listens to nothing (SafeReader::parse()).
class NoEvents final : public ParseEvents {
public:
    void start_element(const StartTag&) override {}
    void end_element() override {}
    void characters(std::string_view) override {}
    void entity_reference(std::string_view) override {}
};

}  // namespace

bool SafeReader::parse() {
    NoEvents none;
    return parse(none);
}

bool SafeReader::parse(ParseEvents& events) {
    if (problem_ || !ready_ || context_ != nullptr) return false;
    Scope scope(this);
    events_ = &events;
    if (input_)
        parse_pulled();
    else
        parse_held();
    events_ = nullptr;
    rethrow_failures();
    return !problem_;
}

bool SafeReader::open(const char* data, std::size_t size) {
    context_ = t_contexts.open(Callbacks::handler(), safe_parser_options(), data, size);
    if (context_ == nullptr) {
        if (!problem_) record(1, 1, "libxml2 could not start reading the document");
        return false;
    }
    context_->_private = this;
    return true;
}

bool SafeReader::feed(const char* data, std::size_t size, bool terminate) {
    const int rc = xmlParseChunk(context_, data, static_cast<int>(size), terminate ? 1 : 0);
    if (problem_ || event_failure_) return false;
    if (rc != 0 || context_->wellFormed == 0) {
        record(context_->input != nullptr ? context_->input->line : 0,
               context_->input != nullptr ? context_->input->col : 0,
               "libxml2 stopped reading without an error message");
        return false;
    }
    if (terminate) parsed_ = true;
    return !stopped_;
}

void SafeReader::parse_held() {
    const char* data = held_.data();
    const std::size_t size = held_.size();
    std::size_t at = size >= kFirstBytes ? kFirstBytes : 0;
    if (!open(data, at)) return;
    const std::size_t piece = pieces_ == Pieces::whole ? size : kPiece;
    for (; size - at >= piece && size > at; at += piece)
        if (!feed(data + at, piece, false)) return;
    if (!feed(data + at, size - at, false)) return;
    feed(data + size, 0, true);
}

void SafeReader::parse_pulled() {
    // Pulled a piece at a time and handed on in the same pieces as a held document; what
    // is pulled but not yet handed on is never more than a piece.
    std::string pending;
    pending.reserve(2 * kPiece + kFirstBytes);
    char piece[kPiece];
    bool ended = false;
    // Pulls until `want` bytes are pending or the document ends; false once it failed.
    auto fill = [&](std::size_t want) {
        while (pending.size() < want && !ended) {
            const int n = pull(piece, kPiece);
            if (n < 0) return false;
            if (n == 0)
                ended = true;
            else
                pending.append(piece, static_cast<std::size_t>(n));
        }
        return true;
    };
    if (!fill(kFirstBytes)) return;
    const std::size_t first = pending.size() >= kFirstBytes ? kFirstBytes : 0;
    if (!open(pending.data(), first)) return;
    pending.erase(0, first);
    for (;;) {
        if (!fill(kPiece)) return;
        const std::size_t n = std::min(kPiece, pending.size());
        if (!feed(pending.data(), n, false)) return;
        pending.erase(0, n);
        if (ended && pending.empty()) break;
    }
    feed(pending.data(), 0, true);
}

void SafeReader::fail(std::string message) {
    record(current_line(), 0, message);
    if (context_ != nullptr) context_->disableSAX = 1;
}

long SafeReader::current_line() const {
    if (context_ == nullptr || context_->input == nullptr) return 0;
    return context_->input->line;
}

namespace {

std::string_view text_of(const xmlChar* s) {
    return s != nullptr ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// What libxml2 leaves of references in an attribute value it did not substitute
// entities in, read as xmlNodeListGetString reads the attribute of a tree: "&#38;" is
// the '&' of a character reference, "&name;" a declared entity's replacement text
// (itself read the same way, a few levels deep at most).
void expand_attribute(xmlDocPtr doc, std::string_view value, std::string& out, int depth) {
    while (!value.empty()) {
        const auto amp = value.find('&');
        out.append(value.substr(0, amp));
        if (amp == std::string_view::npos) return;
        value.remove_prefix(amp);
        const auto semicolon = value.find(';');
        if (semicolon == std::string_view::npos) {
            out.append(value);
            return;
        }
        const std::string name(value.substr(1, semicolon - 1));
        value.remove_prefix(semicolon + 1);
        if (name == "#38") {
            out += '&';
            continue;
        }
        xmlEntityPtr entity = doc != nullptr ? xmlGetDocEntity(doc, reinterpret_cast<const xmlChar*>(name.c_str()))
                                             : xmlGetPredefinedEntity(reinterpret_cast<const xmlChar*>(name.c_str()));
        if (entity != nullptr && entity->content != nullptr && depth < 8)
            expand_attribute(doc, text_of(entity->content), out, depth + 1);
    }
}

}  // namespace

std::string SafeReader::attribute_value(const xmlChar* begin, const xmlChar* end) const {
    const std::string_view value(reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin));
    if (value.find('&') == std::string_view::npos) return std::string(value);
    std::string out;
    expand_attribute(context_ != nullptr ? context_->myDoc : nullptr, value, out, 0);
    return out;
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

#include "parsers/xml/safe_parser.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstdarg>
#include <cstdio>
#include <mutex>

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
    reader_.reset(xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                     safe_parser_options()));
    if (!reader_) {
        if (!problem_) record(1, 1, "libxml2 could not start reading the document");
        return;
    }
    xmlTextReaderSetStructuredErrorHandler(reader_.get(), reader_error, this);
}

SafeReader::~SafeReader() = default;

int SafeReader::read() {
    if (problem_ || !reader_) return -1;
    Scope scope(this);
    return finish_call(xmlTextReaderRead(reader_.get()));
}

int SafeReader::skip_subtree() {
    if (problem_ || !reader_) return -1;
    Scope scope(this);
    return finish_call(xmlTextReaderNext(reader_.get()));
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

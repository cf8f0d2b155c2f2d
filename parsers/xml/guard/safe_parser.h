// SafeReader: the one place where libxml2 is set up to read untrusted patent XML. Every
// document from an inbox goes through it, so the hostile-input rules live here only:
// no network, no DTD or external entity loading, no entity substitution, libxml2's own
// size limits kept (no XML_PARSE_HUGE), a nesting cap, and the rule that ANY error or
// warning libxml2 reports refuses the document (a grant we cannot read cleanly is not a
// grant we pay on).
#pragma once

#include "parsers/xml/guard/markup_bounds.h"
#include "parsers/xml/input/byte_source.h"

#include <libxml/xmlreader.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace patsub::xml {

// Why a document could not be read: position inside the document bytes (1-based) and
// libxml2's message (or ours, for rules libxml2 does not enforce).
struct ParseProblem {
    long line = 0;
    int column = 0;
    std::string message;
};

struct ParseLimits {
    // Patent XML nests a few dozen levels at most (MathML and tables in descriptions);
    // 256 is also libxml2's own limit without XML_PARSE_HUGE.
    int max_depth = 256;
    // Checked on the bytes before libxml2 reads them (markup_bounds.h): libxml2 compares
    // a tag's attributes pairwise, and an internal DTD subset can make it do so for
    // every element.
    MarkupBoundsLimits markup{};
};

// The libxml2 options every SafeReader uses. Deliberately absent: XML_PARSE_NOENT (entity
// substitution: XXE and entity bombs), XML_PARSE_DTDLOAD/DTDATTR/DTDVALID (USPTO and
// CNIPA name DTDs that are not shipped and must never be fetched), XML_PARSE_HUGE (keeps
// the text-node and depth limits), XML_PARSE_NOBLANKS (it drops the space between two
// inline elements of a title), XML_PARSE_RECOVER/NOERROR/NOWARNING (we need every report).
int safe_parser_options();

// Installs, once per process, an external entity loader that refuses every load made on
// behalf of a SafeReader (and records it as the document's problem). Loads made by other
// libxml2 users in the process (the policy file and its XSD, read from trusted paths)
// are passed to the loader that was installed before, so that stage keeps working.
// Called by SafeReader's constructor; calling it earlier is harmless.
void install_entity_guard();

// A streaming reader (xmlTextReader) over one document, held in memory or pulled from a
// ByteSource (a document too large to hold, document_splitter.h). Not copyable or
// movable: libxml2 holds a pointer to it for error and input callbacks. Use it on one
// thread.
// While any SafeReader is alive on a thread, that thread's libxml2 global error handlers
// are redirected (reports that bypass the reader's own handler, e.g. from the encoding
// converters, still reach the document instead of stderr) and restored afterwards.
class SafeReader {
public:
    // `bytes` must outlive the reader (libxml2 reads it in place).
    explicit SafeReader(std::string_view bytes, ParseLimits limits = {});
    // Over a document pulled from `source` as libxml2 asks for it (xmlReaderForIO), with
    // the same options and the same refusals. The markup bounds are checked on each piece
    // before libxml2 is handed it: a violation fails the reader with the same message and
    // line, but only when the reading gets there (records read before it stay read, and
    // an earlier libxml2 error is reported first). `source` must outlive the reader.
    // What the source throws is rethrown from the call during which libxml2 asked for
    // the bytes (this constructor, read() or skip_subtree()).
    explicit SafeReader(ByteSource& source, ParseLimits limits = {});
    ~SafeReader();
    SafeReader(const SafeReader&) = delete;
    SafeReader& operator=(const SafeReader&) = delete;

    // xmlTextReaderRead / xmlTextReaderNext (skip the current element's subtree; libxml2
    // still parses it, so errors inside are still caught). Return 1 when positioned on a
    // node, 0 at the clean end of the document, -1 once the document has failed.
    int read();
    int skip_subtree();

    // Records a problem found above libxml2 (nesting too deep, unexpanded entity, ...)
    // at the current node; the first problem wins and every later read() returns -1.
    void fail(std::string message);

    bool failed() const { return problem_.has_value(); }
    const std::optional<ParseProblem>& problem() const { return problem_; }
    const ParseLimits& limits() const { return limits_; }

    // Line of the current node within the document (1-based), for error reports.
    long current_line() const;

    xmlTextReaderPtr get() const { return reader_.get(); }

    // For libxml2 callbacks only (never throws: it runs below C frames).
    void record(long line, int column, std::string_view message) noexcept;

private:
    struct ReaderDeleter {
        void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
    };
    class Scope;
    // Points the thread's libxml2 global error handlers at the active SafeReader while
    // at least one SafeReader lives on the thread.
    struct ThreadErrorRedirect {
        ThreadErrorRedirect();
        ~ThreadErrorRedirect();
        ThreadErrorRedirect(const ThreadErrorRedirect&) = delete;
        ThreadErrorRedirect& operator=(const ThreadErrorRedirect&) = delete;
    };

    // The pulled document (second constructor); for libxml2's input callback only.
    struct Input;
    static int read_input(void* context, char* buffer, int length) noexcept;
    static int close_input(void* context) noexcept;
    int pull(char* buffer, std::size_t capacity) noexcept;
    void rethrow_input_failure() const;

    int finish_call(int rc);

    ThreadErrorRedirect redirect_;
    std::optional<ParseProblem> problem_;
    ParseLimits limits_;
    // Declared before reader_: libxml2 may call back into it until the reader is freed.
    std::unique_ptr<Input> input_;
    std::unique_ptr<xmlTextReader, ReaderDeleter> reader_;
};

}  // namespace patsub::xml

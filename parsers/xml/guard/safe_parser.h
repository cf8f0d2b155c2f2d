// SafeReader: the one place where libxml2 is set up to read untrusted patent XML. Every
// document from an inbox goes through it, so the hostile-input rules live here only:
// no network, no DTD or external entity loading, no entity substitution, libxml2's own
// size limits kept (no XML_PARSE_HUGE), a nesting cap, and the rule that ANY error or
// warning libxml2 reports refuses the document (a grant we cannot read cleanly is not a
// grant we pay on).
#pragma once

#include "parsers/xml/guard/markup_bounds.h"
#include "parsers/xml/input/byte_source.h"

#include <libxml/parser.h>

#include <cstddef>
#include <exception>
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

// The start tag of an element as libxml2's SAX2 parser reports it (valid during the
// start_element call only). `attributes` holds attribute_count groups of five pointers:
// local name, prefix, namespace URI, value begin, value end (attributes defaulted from a
// DTD are left out, as a tree built without XML_COMPLETE_ATTRS leaves them out).
struct StartTag {
    const xmlChar* local_name = nullptr;
    const xmlChar* prefix = nullptr;
    const xmlChar* namespace_uri = nullptr;
    int attribute_count = 0;
    const xmlChar** attributes = nullptr;
};

// What a SafeReader reports while it parses, in document order. Text, CDATA and white
// space all arrive as characters (possibly in several calls for one text);
// entity_reference is a reference to a declared entity left unexpanded (no entity
// substitution). Exceptions thrown here are rethrown from SafeReader::parse once
// libxml2 has returned.
class ParseEvents {
public:
    virtual ~ParseEvents() = default;
    virtual void start_element(const StartTag& tag) = 0;
    virtual void end_element() = 0;
    virtual void characters(std::string_view text) = 0;
    virtual void entity_reference(std::string_view name) = 0;
};

// One document parsed by libxml2's SAX2 push parser, held in memory or pulled from a
// ByteSource (a document too large to hold, document_splitter.h). Nothing is built: the
// events go to a ParseEvents (element_walker.h), which is what keeps the readers' cost
// below `xmllint --stream`, whose xmlTextReader builds and frees a node for every element
// and text. The parser is handed the document in the pieces xmlTextReader hands it (the
// first 4 bytes, then 512 at a time), so libxml2 sees the same input in the same order
// and its reports (message, line, column) are those the reader gave.
// Not copyable or movable: libxml2 holds a pointer to it for its callbacks. Use it on one
// thread. While any SafeReader is alive on a thread, that thread's libxml2 global error
// handlers are redirected (reports that bypass the parser's own handler, e.g. from the
// encoding converters, still reach the document instead of stderr) and restored afterwards.
class SafeReader {
public:
    // How a held document is handed to libxml2. `reader`: in xmlTextReader's pieces,
    // which fixes where libxml2 places some reports (the column of a huge text node)
    // and how far parsing runs past a skipped root. `whole`: in one piece, fewer calls
    // into the push parser, for a document whose problems are never reported (a record
    // document of the split DOCDB reading: anything but a clean one is read again as
    // part of the bulk document, grant_source_reader.cpp).
    enum class Pieces { reader, whole };

    // `bytes` must outlive the reader (libxml2 reads it in place).
    explicit SafeReader(std::string_view bytes, ParseLimits limits = {}, Pieces pieces = Pieces::reader);
    // Over a document pulled from `source` as the parser needs it, with the same options
    // and the same refusals. The markup bounds are checked on each piece before libxml2
    // is handed it: a violation fails the document with the same message and line, but
    // only when the parsing gets there (records read before it stay read, and an earlier
    // libxml2 error is reported first). `source` must outlive the reader. What the source
    // throws is rethrown from the call during which the bytes were needed (this
    // constructor, which reads the first 4 KiB, or parse()).
    explicit SafeReader(ByteSource& source, ParseLimits limits = {});
    ~SafeReader();
    SafeReader(const SafeReader&) = delete;
    SafeReader& operator=(const SafeReader&) = delete;

    // Parses the document to its end, or to its first problem, telling `events`. Returns
    // false when the document failed (the reason is problem()). Call it once.
    bool parse(ParseEvents& events);
    // Parses without listening: only whether the document reads cleanly.
    bool parse();

    // From an event: parse no further than the piece being parsed (whose remaining
    // bytes libxml2 still checks, as xmlTextReader had parsed them before it returned a
    // node). Not a problem: parse() returns true unless one is found.
    void stop() { stopped_ = true; }

    // Records a problem found above libxml2 (nesting too deep, unexpanded entity, ...)
    // at the current line; the first problem wins and no event follows it.
    void fail(std::string message);

    bool failed() const { return problem_.has_value(); }
    const std::optional<ParseProblem>& problem() const { return problem_; }
    const ParseLimits& limits() const { return limits_; }

    // Line the parser is on (1-based): during start_element, the line of the start
    // tag's end, which is the line xmlTextReader gave an element node.
    long current_line() const;

    // An attribute value from a StartTag (libxml2 leaves references to declared entities
    // in it, and writes a '&' from a character reference as "&#38;", when it does not
    // substitute entities); what a tree's attribute would read.
    std::string attribute_value(const xmlChar* begin, const xmlChar* end) const;

    // For libxml2 callbacks only (never throws: it runs below C frames).
    void record(long line, int column, std::string_view message) noexcept;

private:
    class Scope;
    class Callbacks;
    // Points the thread's libxml2 global error handlers at the active SafeReader while
    // at least one SafeReader lives on the thread.
    struct ThreadErrorRedirect {
        ThreadErrorRedirect();
        ~ThreadErrorRedirect();
        ThreadErrorRedirect(const ThreadErrorRedirect&) = delete;
        ThreadErrorRedirect& operator=(const ThreadErrorRedirect&) = delete;
    };

    // The pulled document (second constructor).
    struct Input;
    // Fills `buffer` with up to `capacity` bytes of the pulled document, checked; 0 at
    // its end, -1 once it failed (problem recorded, or what the source threw kept).
    int pull(char* buffer, std::size_t capacity) noexcept;
    void rethrow_failures();

    void parse_held();
    void parse_pulled();
    // Starts the parser on the first `size` bytes (4, or 0 for a shorter document).
    bool open(const char* data, std::size_t size);
    // Hands libxml2 one piece; false when parsing is to go no further.
    bool feed(const char* data, std::size_t size, bool terminate);
    // Called from the event callbacks around the ParseEvents call.
    bool listening(void* context) const;
    void keep_failure() noexcept;

    ThreadErrorRedirect redirect_;
    std::optional<ParseProblem> problem_;
    ParseLimits limits_;
    std::string_view held_;  // the document in memory (first constructor), after its mark
    bool ready_ = false;     // the checks made before parsing passed
    bool stopped_ = false;
    bool parsed_ = false;    // parse() ran to the document's end without a problem
    Pieces pieces_ = Pieces::reader;
    ParseEvents* events_ = nullptr;
    int open_elements_ = 0;
    long text_run_ = 0;  // bytes of text since the last element, CDATA, reference, comment or PI
    std::exception_ptr event_failure_;
    std::unique_ptr<Input> input_;
    xmlParserCtxtPtr context_ = nullptr;
};

}  // namespace patsub::xml

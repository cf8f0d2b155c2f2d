// SafeReader: the one place where libxml2 is set up to read untrusted patent XML. Every
// document from an inbox goes through it, so the hostile-input rules live here only:
// no network, no DTD or external entity loading, no entity substitution, libxml2's own
// size limits kept (no XML_PARSE_HUGE), a nesting cap, and the rule that ANY error or
// warning libxml2 reports refuses the document (a grant we cannot read cleanly is not a
// grant we pay on).
#pragma once

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
    int max_attributes = 256;
    int max_namespaces_in_scope = 256;
    std::size_t max_internal_subset_size = std::size_t{64} << 10;
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

// A streaming reader (xmlTextReader) over one document held in memory. Not copyable or
// movable: libxml2 holds a pointer to it for error callbacks. Use it on one thread.
// While any SafeReader is alive on a thread, that thread's libxml2 global error handlers
// are redirected (reports that bypass the reader's own handler, e.g. from the encoding
// converters, still reach the document instead of stderr) and restored afterwards.
class SafeReader {
public:
    // `bytes` must outlive the reader (libxml2 reads it in place).
    explicit SafeReader(std::string_view bytes, ParseLimits limits = {});
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

    int finish_call(int rc);

    ThreadErrorRedirect redirect_;
    std::optional<ParseProblem> problem_;
    ParseLimits limits_;
    std::unique_ptr<xmlTextReader, ReaderDeleter> reader_;
};

}  // namespace patsub::xml

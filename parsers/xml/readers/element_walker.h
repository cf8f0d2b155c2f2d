// ElementWalker: the small streaming mechanism every format reader sits on. It walks one
// document from its root element as SafeReader's SAX2 parse reports it, keeps the path of local names
// ("us-bibliographic-data-grant/publication-reference/document-id"), asks a handler what
// to do with each element (descend, skip the subtree, or take its text), and delivers the
// text of an element with inline markup, CDATA and character references flattened
// ("Foo <i>bar</i>" -> "Foo bar"). Skipped subtrees (descriptions, claims, citations)
// cost libxml2's parsing only; nothing is built for any element.
#pragma once

#include "parsers/xml/guard/safe_parser.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::xml {

enum class Visit {
    descend,  // look at the children
    skip,     // ignore the subtree (libxml2 still checks it is well-formed)
    text,     // collect the subtree's text and hand it to on_text
};

// The element being entered, valid during on_enter only.
class Element {
public:
    Element(const SafeReader& reader, const StartTag& tag, std::string_view path, int depth)
        : reader_(reader), tag_(tag), path_(path), depth_(depth) {}

    std::string_view local_name() const;
    std::string_view namespace_uri() const;  // empty when the element has no namespace
    // Local names from the root's child down, joined by '/'; "" for the root itself.
    std::string_view path() const { return path_; }
    int depth() const { return depth_; }  // root = 0
    // Attribute by qualified name as written (attributes in patent XML are unprefixed).
    std::optional<std::string> attribute(const char* name) const;
    bool attribute_equals(const char* name, std::string_view value) const;

private:
    // The attribute's index in the start tag, or -1.
    int find_attribute(std::string_view name) const;

    const SafeReader& reader_;
    const StartTag& tag_;
    std::string_view path_;
    int depth_;
};

class ElementHandler {
public:
    virtual ~ElementHandler() = default;
    virtual Visit on_enter(const Element& element) = 0;
    // The text of an element entered with Visit::text, trimmed of surrounding white space.
    virtual void on_text(std::string_view path, std::string_view text) = 0;
    // End of an element entered with Visit::descend (also for empty elements).
    virtual void on_exit(std::string_view path) = 0;
};

// Parses the document and walks it from its root element to its end, so that errors
// anywhere in it are seen. Returns false when the document failed; the reason is
// reader.problem() (a document without a root element is given the problem "no root
// element"). An entity reference inside collected text refuses the document: without
// entity substitution its text would silently be missing from a title or a name.
// A handler that calls reader.stop() while entering the root (a document it does not
// read) ends the walk there.
bool walk_elements(SafeReader& reader, ElementHandler& handler);

// Trims XML white space from both ends.
std::string_view trim_xml_space(std::string_view text);

}  // namespace patsub::xml

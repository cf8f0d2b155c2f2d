#include "parsers/xml/readers/element_walker.h"

#include <libxml/xmlmemory.h>

#include <memory>

namespace patsub::xml {

namespace {

std::string_view view(const xmlChar* s) {
    return s != nullptr ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

struct XmlCharDeleter {
    void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharDeleter>;

class Walk {
public:
    Walk(SafeReader& reader, ElementHandler& handler) : reader_(reader), handler_(handler), r_(reader.get()) {}

    bool run() {
        if (xmlTextReaderNodeType(r_) != XML_READER_TYPE_ELEMENT) {
            reader_.fail("internal: walk_elements must start on the root element");
            return false;
        }
        start_element();
        while (!reader_.failed()) {
            const int rc = skip_next_ ? reader_.skip_subtree() : reader_.read();
            skip_next_ = false;
            if (rc != 1) break;
            const int type = xmlTextReaderNodeType(r_);
            if (type == XML_READER_TYPE_ELEMENT)
                start_element();
            else if (type == XML_READER_TYPE_END_ELEMENT)
                end_element();
            // Text outside collected elements, comments, PIs and entity references in
            // skipped content carry nothing a reader maps.
        }
        return !reader_.failed();
    }

private:
    bool too_deep(int depth) {
        if (depth <= reader_.limits().max_depth) return false;
        reader_.fail("elements nested deeper than " + std::to_string(reader_.limits().max_depth) + " levels");
        return true;
    }

    void start_element() {
        const int depth = xmlTextReaderDepth(r_);
        if (too_deep(depth)) return;
        const std::size_t before = path_.size();
        if (depth > 0) {
            if (!path_.empty()) path_ += '/';
            path_ += view(xmlTextReaderConstLocalName(r_));
        }
        const bool empty = xmlTextReaderIsEmptyElement(r_) == 1;
        const Visit visit = handler_.on_enter(Element(r_, path_, depth));
        if (reader_.failed()) return;
        switch (visit) {
            case Visit::descend:
                if (empty) {
                    handler_.on_exit(path_);
                    path_.resize(before);
                } else {
                    open_.push_back(before);
                }
                break;
            case Visit::skip:
                path_.resize(before);
                skip_next_ = !empty;
                break;
            case Visit::text:
                text_.clear();
                if (empty || collect_text(depth)) handler_.on_text(path_, trim_xml_space(text_));
                path_.resize(before);
                break;
        }
    }

    void end_element() {
        if (open_.empty()) return;  // cannot happen for a well-formed walk
        handler_.on_exit(path_);
        path_.resize(open_.back());
        open_.pop_back();
    }

    // Reads up to the end tag of the element at `depth`, appending all character data.
    bool collect_text(int depth) {
        for (;;) {
            const int rc = reader_.read();
            if (rc != 1) {
                if (rc == 0) reader_.fail("document ended inside an element");
                return false;
            }
            switch (xmlTextReaderNodeType(r_)) {
                case XML_READER_TYPE_TEXT:
                case XML_READER_TYPE_CDATA:
                case XML_READER_TYPE_WHITESPACE:
                case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                    text_ += view(xmlTextReaderConstValue(r_));
                    break;
                case XML_READER_TYPE_ENTITY_REFERENCE:
                    reader_.fail("entity reference &" + std::string(view(xmlTextReaderConstLocalName(r_))) +
                                 "; in bibliographic text is not expanded");
                    return false;
                case XML_READER_TYPE_ELEMENT:
                    if (too_deep(xmlTextReaderDepth(r_))) return false;
                    break;
                case XML_READER_TYPE_END_ELEMENT:
                    if (xmlTextReaderDepth(r_) == depth) return true;
                    break;
                default:
                    break;
            }
        }
    }

    SafeReader& reader_;
    ElementHandler& handler_;
    xmlTextReaderPtr r_;
    std::string path_;
    std::vector<std::size_t> open_;  // path_ length before each descended element
    std::string text_;
    bool skip_next_ = false;
};

}  // namespace

std::string_view Element::local_name() const { return view(xmlTextReaderConstLocalName(reader_)); }

std::string_view Element::namespace_uri() const { return view(xmlTextReaderConstNamespaceUri(reader_)); }

std::optional<std::string> Element::attribute(const char* name) const {
    XmlCharPtr value(xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name)));
    if (!value) return std::nullopt;
    return std::string(view(value.get()));
}

bool Element::attribute_equals(const char* name, std::string_view value) const {
    XmlCharPtr actual(xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name)));
    return actual && view(actual.get()) == value;
}

bool walk_elements(SafeReader& reader, ElementHandler& handler) {
    if (reader.failed() || reader.get() == nullptr) return false;
    return Walk(reader, handler).run();
}

bool read_to_root(SafeReader& reader) {
    for (;;) {
        const int rc = reader.read();
        if (rc < 0) return false;
        if (rc == 0) {
            reader.fail("no root element");
            return false;
        }
        if (xmlTextReaderNodeType(reader.get()) == XML_READER_TYPE_ELEMENT) return true;
    }
}

std::string_view trim_xml_space(std::string_view text) {
    constexpr std::string_view space = " \t\r\n";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

}  // namespace patsub::xml

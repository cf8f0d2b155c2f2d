#include "parsers/xml/readers/element_walker.h"

#include <cstring>

namespace patsub::xml {

namespace {

std::string_view view(const xmlChar* s) {
    return s != nullptr ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The walk as events arrive: which elements are open, which are skipped, and the text
// being collected.
class Walk final : public ParseEvents {
public:
    Walk(SafeReader& reader, ElementHandler& handler) : reader_(reader), handler_(handler) {}

    bool saw_root() const { return saw_root_; }

    void start_element(const StartTag& tag) override {
        const int depth = depth_++;
        saw_root_ = true;
        if (skipped_ > 0) {  // inside a skipped subtree: libxml2's checks only
            ++skipped_;
            return;
        }
        if (too_deep(depth)) return;
        if (collecting_) return;
        const std::size_t before = path_.size();
        if (depth > 0) {
            if (!path_.empty()) path_ += '/';
            path_ += view(tag.local_name);
        }
        const Visit visit = handler_.on_enter(Element(reader_, tag, path_, depth));
        if (reader_.failed()) return;
        switch (visit) {
            case Visit::descend:
                open_.push_back(before);
                break;
            case Visit::skip:
                path_.resize(before);
                skipped_ = 1;
                break;
            case Visit::text:
                text_.clear();
                collecting_ = true;
                collected_depth_ = depth;
                collected_before_ = before;
                break;
        }
    }

    void end_element() override {
        const int depth = --depth_;
        if (skipped_ > 0) {
            --skipped_;
            return;
        }
        if (collecting_) {
            if (depth != collected_depth_) return;
            collecting_ = false;
            handler_.on_text(path_, trim_xml_space(text_));
            path_.resize(collected_before_);
            return;
        }
        if (open_.empty()) return;  // cannot happen for a well-formed walk
        handler_.on_exit(path_);
        path_.resize(open_.back());
        open_.pop_back();
    }

    // Text outside collected elements, comments, PIs and entity references in skipped
    // content carry nothing a reader maps.
    void characters(std::string_view text) override {
        if (collecting_) text_ += text;
    }

    void entity_reference(std::string_view name) override {
        if (!collecting_) return;
        reader_.fail("entity reference &" + std::string(name) + "; in bibliographic text is not expanded");
    }

private:
    bool too_deep(int depth) {
        if (depth <= reader_.limits().max_depth) return false;
        reader_.fail("elements nested deeper than " + std::to_string(reader_.limits().max_depth) + " levels");
        return true;
    }

    SafeReader& reader_;
    ElementHandler& handler_;
    std::string path_;
    std::vector<std::size_t> open_;  // path_ length before each descended element
    int depth_ = 0;                  // elements open, the root's being depth 0
    int skipped_ = 0;                // elements open inside a skipped subtree, its own included
    bool collecting_ = false;
    int collected_depth_ = 0;
    std::size_t collected_before_ = 0;
    std::string text_;
    bool saw_root_ = false;
};

}  // namespace

std::string_view Element::local_name() const { return view(tag_.local_name); }

std::string_view Element::namespace_uri() const { return view(tag_.namespace_uri); }

int Element::find_attribute(std::string_view name) const {
    // "prefix:local" as written; an unprefixed name is an attribute in no namespace.
    std::string_view prefix;
    std::string_view local = name;
    if (const auto colon = name.find(':'); colon != std::string_view::npos) {
        prefix = name.substr(0, colon);
        local = name.substr(colon + 1);
    }
    for (int i = 0; i < tag_.attribute_count; ++i) {
        const xmlChar* const* a = tag_.attributes + 5 * i;
        if (view(a[0]) == local && view(a[1]) == prefix && (a[1] != nullptr) == !prefix.empty()) return i;
    }
    return -1;
}

std::optional<std::string> Element::attribute(const char* name) const {
    const int i = find_attribute(name);
    if (i < 0) return std::nullopt;
    const xmlChar* const* a = tag_.attributes + 5 * i;
    return reader_.attribute_value(a[3], a[4]);
}

bool Element::attribute_equals(const char* name, std::string_view value) const {
    const int i = find_attribute(name);
    if (i < 0) return false;
    const xmlChar* const* a = tag_.attributes + 5 * i;
    const std::string_view raw(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
    if (raw.find('&') == std::string_view::npos) return raw == value;
    return reader_.attribute_value(a[3], a[4]) == value;
}

bool walk_elements(SafeReader& reader, ElementHandler& handler) {
    if (reader.failed()) return false;
    Walk walk(reader, handler);
    if (!reader.parse(walk)) return false;
    if (!walk.saw_root()) {
        reader.fail("no root element");
        return false;
    }
    return true;
}

std::string_view trim_xml_space(std::string_view text) {
    constexpr std::string_view space = " \t\r\n";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

}  // namespace patsub::xml

#include "parsers/xml/split/record_head.h"

#include "parsers/xml/split/docdb_prepass.h"

namespace patsub::xml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string short_record_head(std::string_view head) {
    const DocdbBulkRoot root = docdb_bulk_root(head, true);
    if (root.status != DocdbBulkRoot::Status::bulk || root.tag_end != head.size()) return {};
    const auto declaration_end = head.find("?>");
    if (!head.starts_with("<?xml") || declaration_end == std::string_view::npos) return {};
    const auto root_at = static_cast<std::size_t>(root.name.data() - head.data()) - 1;
    // An internal subset may declare entities the records use: kept whole.
    const std::string_view prolog = head.substr(0, root_at);
    if (const auto doctype = prolog.find("<!DOCTYPE"); doctype != std::string_view::npos &&
                                                       prolog.find('[', doctype) != std::string_view::npos)
        return {};
    std::string out(head.substr(0, declaration_end + 2));
    out += '<';
    out += root.name;
    // The attributes: name, '=', a quoted value; anything else keeps the head whole.
    std::size_t i = root_at + 1 + root.name.size();
    const std::size_t end = head.size() - 1;  // the '>'
    for (;;) {
        while (i < end && is_space(head[i])) ++i;
        if (i >= end) break;
        if (head[i] == '/') return {};
        const std::size_t name_at = i;
        while (i < end && !is_space(head[i]) && head[i] != '=') ++i;
        const std::string_view name = head.substr(name_at, i - name_at);
        while (i < end && is_space(head[i])) ++i;
        if (i >= end || head[i] != '=') return {};
        ++i;
        while (i < end && is_space(head[i])) ++i;
        if (i >= end || (head[i] != '"' && head[i] != '\'')) return {};
        const auto close = head.find(head[i], i + 1);
        if (close == std::string_view::npos || close >= end) return {};
        if (name == "xmlns" || name.starts_with("xmlns:")) {
            out += ' ';
            out += head.substr(name_at, close + 1 - name_at);
        }
        i = close + 1;
    }
    out += '>';
    return out;
}

}  // namespace patsub::xml

#include "parsers/xml/readers/format_sniffer.h"

#include "parsers/xml/readers/element_walker.h"

#include <stdexcept>

namespace patsub::xml {

void FormatRegistry::add(FormatEntry entry) {
    if (find(entry.root_name, entry.namespace_uri) != nullptr)
        throw std::invalid_argument("format already registered for root <" + std::string(entry.root_name) + ">");
    entries_.push_back(entry);
}

const FormatEntry* FormatRegistry::find(std::string_view root_name, std::string_view namespace_uri) const {
    for (const FormatEntry& entry : entries_)
        if (entry.root_name == root_name && entry.namespace_uri == namespace_uri) return &entry;
    return nullptr;
}

std::string SniffResult::describe_root() const {
    std::string text = "<" + root_name + ">";
    if (!namespace_uri.empty()) text += " in namespace " + namespace_uri;
    return text;
}

SniffResult sniff_root(std::string_view root_name, std::string_view namespace_uri, const FormatRegistry& registry) {
    SniffResult result;
    result.root_name = root_name;
    result.namespace_uri = namespace_uri;
    result.entry = registry.find(root_name, namespace_uri);
    if (result.entry == nullptr)
        result.outcome = SniffOutcome::unknown;
    else
        result.outcome = result.entry->read != nullptr ? SniffOutcome::read : SniffOutcome::skip;
    return result;
}

SniffResult sniff(SafeReader& reader, const FormatRegistry& registry) {
    if (!read_to_root(reader)) {
        SniffResult result;
        result.outcome = SniffOutcome::failed;
        return result;
    }
    const Element root(reader.get(), {}, 0);
    SniffResult result = sniff_root(root.local_name(), root.namespace_uri(), registry);
    result.root_line = reader.current_line();
    return result;
}

}  // namespace patsub::xml

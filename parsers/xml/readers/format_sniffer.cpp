#include "parsers/xml/readers/format_sniffer.h"

#include "parsers/xml/readers/element_walker.h"

#include <memory>
#include <stdexcept>
#include <utility>

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

namespace {

// Sniffs the root as it is entered and hands it, and everything after it, to the
// format's reading.
class SniffingHandler final : public ElementHandler {
public:
    SniffingHandler(SafeReader& reader, const FormatRegistry& registry, RecordSink& records)
        : reader_(reader), registry_(registry), records_(records) {
        result_.outcome = SniffOutcome::failed;
    }

    Visit on_enter(const Element& element) override {
        if (reading_) return reading_->handler().on_enter(element);
        result_ = sniff_root(element.local_name(), element.namespace_uri(), registry_);
        result_.root_line = reader_.current_line();
        if (result_.outcome != SniffOutcome::read) {
            reader_.stop();
            return Visit::skip;
        }
        reading_ = result_.entry->read(reader_, records_, element);
        return reading_->handler().on_enter(element);
    }

    void on_text(std::string_view path, std::string_view text) override {
        if (reading_) reading_->handler().on_text(path, text);
    }

    void on_exit(std::string_view path) override {
        if (reading_) reading_->handler().on_exit(path);
    }

    SniffResult finish(bool clean) {
        if (clean && reading_) reading_->finish();
        return std::move(result_);
    }

private:
    SafeReader& reader_;
    const FormatRegistry& registry_;
    RecordSink& records_;
    SniffResult result_;
    std::unique_ptr<FormatReading> reading_;
};

}  // namespace

SniffResult sniff_and_read(SafeReader& reader, const FormatRegistry& registry, RecordSink& records) {
    SniffingHandler handler(reader, registry, records);
    const bool clean = walk_elements(reader, handler);
    return handler.finish(clean);
}

}  // namespace patsub::xml

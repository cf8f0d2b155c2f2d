#include "parsers/xml/split/iso_entities.h"

#include <algorithm>
#include <iterator>

namespace patsub::xml {

namespace {

struct IsoEntity {
    std::string_view name;
    std::string_view replacement;
};

constexpr IsoEntity kEntities[] = {
#include "schemas/iso-entities.inc"
};

constexpr bool by_name(const IsoEntity& a, const IsoEntity& b) { return a.name < b.name; }

static_assert(std::is_sorted(std::begin(kEntities), std::end(kEntities), by_name),
              "schemas/iso-entities.inc must be sorted by name for binary search");

}  // namespace

std::optional<std::string_view> iso_entity(std::string_view name) {
    const auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), IsoEntity{name, {}}, by_name);
    if (it == std::end(kEntities) || it->name != name) return std::nullopt;
    return it->replacement;
}

std::size_t iso_entity_count() { return std::size(kEntities); }

}  // namespace patsub::xml

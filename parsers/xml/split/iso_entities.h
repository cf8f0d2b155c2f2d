// IsoEntities: the named character entities of the ISO entity sets (isoamsa, isolat1,
// isopub, ... and their MathML aliases) that EPO DOCDB data uses without shipping the
// DTD declaring them (&ccaron;, &ndash;, &SACUTE;). The table is compiled in from
// schemas/iso-entities.inc, generated from the DOCDB entity DTD, so no DTD is read at run
// time. Used only by the DOCDB pre-pass (docdb_prepass.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace patsub::xml {

// The replacement text the DTD declares for `name` (numeric character references such
// as "&#x0010D;"), or nothing when the name is not in the sets. The five predefined XML
// entities (amp, lt, gt, quot, apos) are not in the table: the parser knows them.
std::optional<std::string_view> iso_entity(std::string_view name);

// Number of names in the table.
std::size_t iso_entity_count();

}  // namespace patsub::xml

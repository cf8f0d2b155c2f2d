// RecordHead: the shortest head a record document of a DOCDB bulk document can carry
// (parallel_records.h): the bulk document's XML declaration and its root start tag with
// only the namespace declarations. Every record document is parsed with its head, so
// the DOCTYPE and the root's other attributes (a third of a short record's markup) would
// otherwise be parsed 100,000 times for nothing: they cannot change how a record reads
// (no DTD is loaded, no default attribute exists without an internal subset, and the
// readers read no attribute of the root). A head with an internal subset (entity
// declarations a record may use) is kept whole. The caller also parses the head alone
// once and keeps it whole unless that is clean, so a broken head still refuses the
// document as the one-document reading does.
#pragma once

#include <string>
#include <string_view>

namespace patsub::xml {

// The short head for `head` (a DOCDB bulk document's bytes up to its root start tag's
// '>'), or "" when the head must be kept whole.
std::string short_record_head(std::string_view head);

}  // namespace patsub::xml

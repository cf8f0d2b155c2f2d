// JPO gazette reader (`jp-official-gazette`, formats.md §7): maps the bibliographic-data
// of one Japanese publication to a RawDocument. The kind is taken from the root's
// @kind-of-st16 (the WIPO ST.16 code, e.g. A, B2, U, S), else @kind-of-jp, because the
// kind element holds Japanese text (公開特許公報(A)); that text is the office's own
// statement of what the document is (特許 patent, 実用新案 utility model, 意匠 design)
// and is kept as declared_type. The application-reference carries no country.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kJpoFormat = "jpo";

// `reader` must be positioned on the `jp-official-gazette` root element. Reads to the
// end of the document and emits its one record only when the whole document read
// cleanly; a failure is left in reader.problem().
std::unique_ptr<FormatReading> read_jpo(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

// The edge where identifiers become canonical: a RawDocument, as printed, goes in; a
// model Grant with canonical numbers and real dates comes out, or the reason the
// document cannot be trusted (no number, an impossible date, a failed check digit, a
// character that does not fold to ASCII). Every identifier is folded here, once
// (parsers/ids/identifier_text.h), and the grant id it builds is ASCII office + number +
// kind (parsers/ids/grant_id.h). Nothing after this point parses an identifier again.
#pragma once

#include "model/grant.h"
#include "parsers/ids/parsed.h"
#include "parsers/xml/readers/raw_document.h"

namespace patsub {

ids::Parsed<Grant> normalise(const xml::RawDocument& raw, SourcePosition where);

}  // namespace patsub

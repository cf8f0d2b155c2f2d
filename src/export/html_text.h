// Escaping for the HTML pages patsub writes (review page, notice list, summary). Every
// value that came from an input file (titles, payee names, reasons, file names) passes
// through one of these: a patentee called `<script>` must show as text.
#pragma once

#include <string>
#include <string_view>

namespace patsub::exports {

// For HTML text and for attribute values in double or single quotes: & < > " ' become
// character references; NUL and other C0 controls but tab, LF and CR become U+FFFD
// (they are parse errors in HTML).
std::string html_escape(std::string_view s);

// JSON text placed inside a <script> element: < > & become \u003c \u003e \u0026 so that
// no `</script>` or `<!--` can end or change the element, and U+2028/U+2029 become
// \u2028/\u2029 (line terminators in older JavaScript). Only valid inside JSON strings,
// where these characters are the only places they can occur in valid JSON.
std::string script_json(std::string_view json);

}  // namespace patsub::exports

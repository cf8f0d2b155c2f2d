// BuiltinFormats: the registry of every document format patsub knows. Adding an office
// format means writing its reader and adding one entry here.
#pragma once

#include "parsers/xml/readers/format_sniffer.h"

namespace patsub::xml {

// Built once, on first use; read-only afterwards (safe to share between threads).
const FormatRegistry& builtin_formats();

}  // namespace patsub::xml

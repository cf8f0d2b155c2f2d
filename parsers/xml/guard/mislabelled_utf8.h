// MislabelledUtf8: a document whose XML declaration names a legacy encoding (GB2312,
// GBK, ISO-8859-1, ...) while its bytes are valid UTF-8 with multi-byte characters. An
// export tool that re-encoded the text to UTF-8 but kept the old declaration produces
// it; libxml2 would decode the UTF-8 bytes as the declared encoding and every Chinese
// name would become mojibake that matches no payee. It is refused, with the reason,
// rather than read wrong (tests/e2e/inbox_coverage.sh).
//
// A heuristic, and deliberately narrow: legacy Chinese text is almost never valid UTF-8
// (GBK lead bytes B0-F7 are UTF-8 continuation bytes), and Latin-1 text with accents
// breaks UTF-8 at its first accented letter. At least two multi-byte sequences, and no
// invalid one, are required.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patsub::xml {

// Why the document is refused, or nothing. `bytes` is the document or its first bytes
// (a sequence cut at the end of the view is not held against it); a leading UTF-8
// byte-order mark is byte_order_mark.h's business and is skipped here.
std::optional<std::string> mislabelled_utf8(std::string_view bytes);

}  // namespace patsub::xml

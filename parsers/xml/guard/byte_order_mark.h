// ByteOrderMark: the hostile-input rule on a document's byte-order mark, kept by the
// safe parser (safe_parser.h) before libxml2 reads a byte.
//
// A byte-order mark that the bytes after it contradict is refused. XML 1.0 section
// 4.3.3 makes a document in another encoding than its declaration names a fatal error,
// but libxml2 2.9 decodes a UTF-16 document by the mark and stays silent when the
// declaration says UTF-8, and reads 8-bit text behind the mark as an "empty" document;
// and the splitter hands on a UTF-8 mark that libxml2 never sees (it is dropped before
// parsing, as `cat` of CNIPA files leaves one before every declaration), so a UTF-8 mark
// before a declaration of ISO-8859-1 or GBK would be read by the declaration, as
// mojibake. Either comes from a broken conversion, and which half is right would be a
// guess (tests/hostile).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kUtf8Mark = "\xEF\xBB\xBF";

// Why the document's mark contradicts what follows it, or nothing (no mark, an agreeing
// one, or too few bytes to judge). Reads at most the first 514 bytes.
std::optional<std::string> mark_contradiction(std::string_view bytes);

}  // namespace patsub::xml

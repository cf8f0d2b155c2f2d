// IdentifierText: an identifier as every grammar in parsers/ids reads it, folded once at
// the edge. Offices and hand-edited lists write the same number with full-width digits
// (CN２１７０００１０１U), a zero-width space, a no-break space or a byte-order mark inside
// it; read byte by byte each spelling became a different grant (issue 12). Folding is:
// surrounding ASCII white space trimmed, format characters (Unicode category Cf: U+200B,
// U+2060, U+FEFF, U+00AD ...) and spaces other than the ASCII one (Zs: U+00A0, U+3000 ...)
// dropped, then Unicode NFKC (full-width and superscript digits and letters become
// ASCII). The ASCII space stays: the grammars say where a space may stand
// ("2019 2 0123456.5", "EP 3 456 789 B1").
// What NFKC does not make ASCII (Arabic-Indic or Devanagari digits, ideographs) stays as
// it is, for the grammar to refuse; foreign_character() names it by code point.
#pragma once

#include "parsers/ids/parsed.h"

#include <optional>
#include <string>
#include <string_view>

namespace patsub::ids {

// No office writes an identifier anywhere near this long ("PCT/CN2008/071839",
// "ZL 2017 1 0601862.3"); a longer text is refused before any Unicode work is spent on it.
inline constexpr std::size_t longest_identifier_bytes = 256;

class IdentifierText {
public:
    // Folds `written`. Fails on text that is not UTF-8 or longer than
    // longest_identifier_bytes. Plain printable ASCII (the normal case, every record of a
    // national bulk file) is only trimmed: no copy, no Unicode tables.
    static Parsed<IdentifierText> fold(std::string_view written);

    std::string_view text() const { return folded_ ? std::string_view(*folded_) : plain_; }

private:
    std::string_view plain_;               // a view into the written text, when that was plain ASCII
    std::optional<std::string> folded_;    // the folded copy otherwise
};

// The first character of folded text that no identifier grammar accepts (anything but
// printable ASCII and the ASCII space), described for a person: "U+0662 ARABIC-INDIC
// DIGIT TWO is not an ASCII digit", "U+4E2D is not an ASCII letter or digit". Empty
// when every character is printable ASCII. Counts further offenders, if any.
std::string foreign_character(std::string_view folded);

// `written` as it may be quoted in a message: cut after `limit` code points (a
// 100,000-digit "number" must not make a 100 kB reason file) and every invisible
// character (Cf, Zs other than the ASCII space, Cc) shown as <U+200B>.
std::string shown(std::string_view written, std::size_t limit = 40);

// `written` folded, when every character of the result is printable ASCII; otherwise
// the refusal naming the first character that is not ("application number '２０１７…':
// U+0662 ARABIC-INDIC DIGIT TWO is not an ASCII digit"). For identifiers whose grammar
// is "as the office printed it" (foreign application and priority numbers) and as the
// first step of the stricter ones.
Parsed<std::string> fold_to_ascii(std::string_view what, std::string_view written);

// Unicode NFKC of UTF-8 text (and case folded when asked): the one call into utf8proc's
// normaliser, for identifiers here and for names (src/decide/name_key). nullopt when the
// text is not UTF-8.
std::optional<std::string> nfkc(std::string_view text, bool case_fold = false);

// "what 'written': why", the one shape of every identifier refusal.
std::string refusal(std::string_view what, std::string_view written, std::string_view why);

}  // namespace patsub::ids

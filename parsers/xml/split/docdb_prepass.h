// DocdbPrepass: the one repair patsub makes to document bytes before parsing them, for
// EPO DOCDB only (formats.md §3). Single exchange-documents cut out of DOCDB bulk files
// keep the exch: prefix without its declaration, and use named ISO entities (&ccaron;
// &ndash; &SACUTE;) without the DTD that declares them; bulk files name that DTD
// (docdb-entities.dtd) but it is never shipped with them. A conforming parser rejects
// both, so:
//
// - the pre-pass applies only when the root start tag, read from the bytes, is
//   exch:exchange-documents or exch:exchange-document (or the same names unprefixed);
// - when that root uses the exch: prefix without declaring it, it gains
//   xmlns:exch="http://www.epo.org/exchange" (the declaration the bulk file had);
// - from the root on, &name; for a name of the ISO entity sets (iso_entities.h) becomes
//   the numeric character references the DTD declares for it, in content and attribute
//   values, never inside comments, CDATA sections or processing instructions;
//
// and nothing else. An unknown entity, another undeclared prefix or any other
// well-formedness error still reaches libxml2 and refuses the document; the DTD is never
// read, nothing is loaded, entity substitution stays off (safe_parser.h). Nothing
// inserted holds a newline, so lines reported afterwards are the file's lines; columns on
// a changed line may shift.
//
// Bounded: one pass over the bytes, a copy only when something must change, and a
// repaired document larger than the caller's limit is refused instead of built. A
// document too large to hold (a DOCDB bulk file of 100,000 records, streamed by the
// splitter, document_splitter.h) is repaired as it is read instead: DocdbRepairSource.
#pragma once

#include "parsers/xml/input/byte_source.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace patsub::xml {

struct DocdbPrepass {
    enum class Outcome {
        unchanged,  // not a DOCDB document, or nothing to repair: parse the bytes as they are
        repaired,   // parse `bytes` instead
        refused,    // `refusal` says why (the repaired document would exceed the limit)
    };
    Outcome outcome = Outcome::unchanged;
    std::string bytes;
    std::string refusal;
};

// `max_bytes`: the largest repaired document built in memory (the reader passes the
// splitter's stream threshold, and repairs a document it refuses with DocdbRepairSource).
DocdbPrepass docdb_prepass(std::string_view document, std::size_t max_bytes);

// The root start tag of a DOCDB bulk document (exch:exchange-documents, under any prefix
// or none), read from a document's first bytes, for cutting it into its records
// (bulk_record_cutter.h). `more`: the bytes so far cannot tell (never when `at_end`).
struct DocdbBulkRoot {
    enum class Status { more, other, bulk };
    Status status = Status::other;
    std::size_t tag_end = 0;     // just after the start tag's '>'
    std::string_view name;       // its qualified name, a view of the bytes given
    std::string_view prefix;     // "exch:" or "", a view of the bytes given
};
DocdbBulkRoot docdb_bulk_root(std::string_view head, bool at_end);

// The same repairs on a document pulled piece by piece: serves exactly the bytes
// docdb_prepass would parse (the repaired ones, or the document unchanged), holding only
// a piece at a time. What a piece boundary cuts (a reference "&ccar|on;", a "<!-" that
// may open a comment, the "-" of a comment's "-->") is carried to the next piece. The
// prolog and the root's start tag are held until the root is known; a document whose
// root start tag does not end within its first MiB is passed on unchanged (no office
// file comes near; libxml2 then refuses it if it needed a repair). No size limit of its
// own: what a streamed document may hold is libxml2's limits' business.
class DocdbRepairSource final : public ByteSource {
public:
    // `document` must outlive this source.
    explicit DocdbRepairSource(ByteSource& document);
    ~DocdbRepairSource() override;
    DocdbRepairSource(const DocdbRepairSource&) = delete;
    DocdbRepairSource& operator=(const DocdbRepairSource&) = delete;

    std::size_t read(char* buffer, std::size_t capacity) override;

private:
    struct State;
    ByteSource& document_;
    std::unique_ptr<State> state_;
};

}  // namespace patsub::xml

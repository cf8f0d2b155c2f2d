// WIPO ST.96 patent publication reader (`pat:PatentPublication`, V6 example instances,
// formats.md §8): maps pat:BibliographicData of one publication to a RawDocument.
// Publication: PatentPublicationIdentification/{IPOfficeCode, PublicationNumber,
// PatentDocumentKindCode, PublicationDate}; application: ApplicationIdentification
// (InventionSubjectMatterCategory, e.g. "Utility", is kept as declared_type); patentees:
// the assignees (AssigneeBag), else the applicants, as in USPTO grants. ST.96 dates are
// ISO ("2015-01-20"). A PCTDocumentParent under RelatedDocumentBag belongs to a parent
// application, not to this document, and is not read as its PCT application.
//
// ST.96 design applications (dgn:DesignApplication) are application records, not
// publications: builtin_formats.cpp skips them with that reason.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kSt96Format = "st96";
inline constexpr std::string_view kSt96PatentNamespace = "http://www.wipo.int/standards/XMLSchema/ST96/Patent";
inline constexpr std::string_view kSt96DesignNamespace = "http://www.wipo.int/standards/XMLSchema/ST96/Design";

// `reader` must be positioned on the pat:PatentPublication root element. Reads to the
// end of the document and emits its one record only when the whole document read
// cleanly; a failure is left in reader.problem().
std::unique_ptr<FormatReading> read_st96(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

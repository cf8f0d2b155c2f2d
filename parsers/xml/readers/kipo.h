// KIPO KIPRIS Plus API response reader (root `response`, formats.md §9). KIPRIS Plus is a
// search API, not a publication format: each item (body/items/PatentUtilityInfo for
// patents and utility models, body/items/DesignInfo for designs, field names in
// different casing) describes one application and its fate. Each item becomes one
// record, office KR, derived as follows:
//
// - The right's type is the number prefix (application and registration numbers alike):
//   10 patent, 20 utility model, 30 design.
// - Registered items (a RegistrationNumber is present; status 등록, or 소멸 once lapsed)
//   are grants: kind B1 (patent), Y1 (utility model) or S (design). The number is the
//   registration number without KIPRIS's 4-digit suffix when that suffix is 0000
//   (1026507480000 -> 102650748, as DOCDB writes KR B1 numbers); the date is the
//   registration gazette date (PublicDate / publicationDate, 등록공고일), else the
//   registration date.
// - Items not registered but laid open (OpeningNumber / openNumber present) are
//   application-side publications: kind A (patent) or U (utility model), number and
//   date of the laying-open as printed. A design laid open without registration has no
//   publication kind in KIPRIS and is refused, as is an item neither registered nor
//   laid open (refused, pending or abandoned before publication): each refused alone,
//   with its application number and status.
// - Applicant: the Applicant / applicantName text, split at '|' (KIPRIS joins
//   multi-valued fields with '|', as in its IPC field). No address is given.
// - Title: InventionName / articleName. Application number and date as printed.
//   A design item's priorityNumber / priorityDate (no country given) is a priority.
//
// A response whose header carries a resultCode other than 00 and no items is refused
// with the code and message.
#pragma once

#include "parsers/xml/readers/format_reading.h"

#include <memory>
#include <string_view>

namespace patsub::xml {

inline constexpr std::string_view kKipoFormat = "kipo-kipris";

// `reader` must be positioned on the `response` root element. Emits a record (or a
// record refusal) at the end of each item; a failure is left in reader.problem().
std::unique_ptr<FormatReading> read_kipo(SafeReader& reader, RecordSink& records, const Element& root);

}  // namespace patsub::xml

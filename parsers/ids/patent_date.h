// Dates as offices print them: "20110104" (ST.36 / DOCDB / CNIPA), "2011-01-04",
// "2011.01.04", "2011/01/04". Always a real calendar day; partial dates are refused.
#pragma once

#include "model/date.h"
#include "parsers/ids/parsed.h"

#include <string_view>

namespace patsub::ids {

Parsed<Date> parse_patent_date(std::string_view text);

}  // namespace patsub::ids

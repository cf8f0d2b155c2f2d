#include "parsers/ids/patent_date.h"
#include "parsers/ids/trim.h"

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

#include <string>

namespace patsub::ids {
namespace {

// The date as written: fields in YYYY MM DD order, with whatever separators were used.
struct WrittenDate {
    unsigned year = 0;
    char first_separator = 0;  // 0 when the fields run together (YYYYMMDD)
    unsigned month = 0;
    char second_separator = 0;
    unsigned day = 0;
};

}  // namespace
}  // namespace patsub::ids

BOOST_FUSION_ADAPT_STRUCT(patsub::ids::WrittenDate, year, first_separator, month, second_separator, day)

namespace patsub::ids {
namespace {

namespace x3 = boost::spirit::x3;

namespace grammar {

// Fixed widths: ST.36 / DOCDB write YYYYMMDD, so "2011-1-4" is not an office's date.
auto const year = x3::uint_parser<unsigned, 10, 4, 4>{};
auto const two_digits = x3::uint_parser<unsigned, 10, 2, 2>{};
auto const separator = x3::char_("-./") | x3::attr(char{0});

auto const written_date = x3::rule<class written_date, WrittenDate>{"date"} =
    year >> separator >> two_digits >> separator >> two_digits >> x3::eoi;

}  // namespace grammar

Date to_date(WrittenDate const& written) {
    return Date{std::chrono::year{static_cast<int>(written.year)}, std::chrono::month{written.month},
                std::chrono::day{written.day}};
}

std::string two_digit(unsigned value) {
    return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

Parsed<Date> parse_patent_date(std::string_view text) {
    std::string_view const trimmed = trim(text);
    std::string const quoted(trimmed);
    if (trimmed.empty()) return Parsed<Date>::fail("no date given");

    WrittenDate written;
    auto first = trimmed.begin();
    if (!x3::parse(first, trimmed.end(), grammar::written_date, written))
        return Parsed<Date>::fail("not a date: " + quoted);
    if (written.first_separator != written.second_separator)
        return Parsed<Date>::fail("mixed separators in date " + quoted);
    // US citations write day 00 (or month 00) when only the month (or year) is known.
    if (written.month == 0 || written.day == 0)
        return Parsed<Date>::fail("incomplete date " + quoted + " (" + (written.month == 0 ? "month" : "day") +
                                  " 00)");
    if (written.month > 12)
        return Parsed<Date>::fail("month " + two_digit(written.month) + " does not exist: " + quoted);

    Date const date = to_date(written);
    if (!date.ok()) return Parsed<Date>::fail(quoted + " is not a calendar day");
    return Parsed<Date>::ok(date);
}

}  // namespace patsub::ids

// CsvReader: RFC 4180 records from a UTF-8 file, each with the line it starts on, for
// the reference lists and data tables. Quoted fields may hold commas, quotes ("") and
// line breaks; a UTF-8 byte-order mark is skipped. It knows no column meanings.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::lists {

struct CsvRecord {
    long line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

// A file that is not CSV at all (unterminated quote, stray quote inside a field).
class CsvError : public std::runtime_error {
  public:
    CsvError(const std::filesystem::path& file, long line, const std::string& what);
};

// Reads the whole file; reference lists are small (thousands of rows, not millions).
// Blank lines are dropped. The header is the first record.
std::vector<CsvRecord> read_csv(const std::filesystem::path& file);

// The same, from text already in memory (tests, embedded tables).
std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& name);

// Column index by header name, or throws CsvError naming the missing column.
std::size_t column(const CsvRecord& header, const std::string& name, const std::string& file);

}  // namespace patsub::lists

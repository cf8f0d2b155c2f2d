// The verified identifiers in shared/data/test-vectors.csv, checked row by row.
#include "parsers/ids/cn_application_number.h"
#include "parsers/ids/credit_code.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

using patsub::ids::CheckDigit;
using patsub::ids::parse_cn_application_number;
using patsub::ids::parse_credit_code;

namespace {

struct VectorRow {
    std::string kind;
    std::string value;
    std::string expected;
    int line = 0;
};

// RFC 4180 fields of one line (the vectors have no line breaks inside quotes).
std::vector<std::string> csv_fields(std::string const& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char const c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

std::vector<VectorRow> read_vectors(std::ifstream& file) {
    std::vector<VectorRow> rows;
    std::string line;
    std::getline(file, line);  // header: kind,value,expected,source
    for (int number = 2; std::getline(file, line); ++number) {
        auto const fields = csv_fields(line);
        if (fields.size() >= 3) rows.push_back(VectorRow{fields[0], fields[1], fields[2], number});
    }
    return rows;
}

void check_cn_application_number(VectorRow const& row) {
    auto const required = parse_cn_application_number(row.value, CheckDigit::required);
    if (row.expected == "valid") {
        CHECK_MESSAGE(required, required.error);
    } else if (row.expected == "invalid") {
        CHECK_FALSE(required);
        CHECK(required.error.find("check digit") == 0);
    } else if (row.expected == "no_check_digit") {
        CHECK(required.error == "no check digit");
        CHECK(parse_cn_application_number(row.value, CheckDigit::optional));
    } else {
        FAIL("unknown expectation ", row.expected);
    }
}

void check_credit_code(VectorRow const& row) {
    auto const parsed = parse_credit_code(row.value);
    if (row.expected == "valid") {
        CHECK_MESSAGE(parsed, parsed.error);
    } else if (row.expected == "invalid") {
        CHECK_FALSE(parsed);
    } else {
        FAIL("unknown expectation ", row.expected);
    }
}

}  // namespace

TEST_CASE("shared test vectors: CN application numbers and credit codes") {
    std::string const path = PATSUB_SHARED_DIR "/data/test-vectors.csv";
    std::ifstream file(path);
    if (!file) {
        MESSAGE("SKIPPED: test vectors not found at " << path);
        return;
    }

    int checked = 0;
    for (auto const& row : read_vectors(file)) {
        INFO("test-vectors.csv line ", row.line, ": ", row.kind, " ", row.value, " expected ", row.expected);
        if (row.kind == "cn_application_number" || row.kind == "cn_patent_number") {
            check_cn_application_number(row);
            ++checked;
        } else if (row.kind == "uscc") {
            check_credit_code(row);
            ++checked;
        }
    }
    MESSAGE("checked ", checked, " identifier rows from ", path);
    CHECK(checked > 0);
}

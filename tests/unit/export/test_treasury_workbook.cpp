#include "export/treasury_workbook.h"
#include "model/money.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

using namespace patsub;
using namespace patsub::exports;

namespace {

struct Scratch {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-workbook-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    Scratch() {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~Scratch() { std::filesystem::remove_all(dir); }
};

// One member of the xlsx (a zip), read through libzip.
std::string member(const std::string& xlsx, const char* name) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z != nullptr);
    zip_file_t* f = zip_fopen(z, name, 0);
    REQUIRE(f != nullptr);
    std::string out;
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
    zip_close(z);
    return out;
}

// A cell's XML in the sheet ("" when absent).
std::string cell(const std::string& sheet, const std::string& ref) {
    const auto start = sheet.find("<c r=\"" + ref + "\"");
    if (start == std::string::npos) return {};
    return sheet.substr(start, sheet.find("</c>", start) + 4 - start);
}

const std::vector<ledger::TreasuryRow> rows{
    {"0153010200000001XA", "昆明甲公司", "滇池样例银行五华支行", "0530100990000000101", 3320005, 3},
    {"91530111MA6PGY027L", "=HYPERLINK(\"http://x\",\"y\")", "-bank", "6222000000000000019", 60000, 1},
};

}  // namespace

TEST_CASE("a workbook amount is fen/100 and comes back to the fen through its written digits") {
    std::mt19937_64 rng(20261206);
    std::uniform_int_distribution<std::int64_t> any(-999'999'999'999'999, 999'999'999'999'999);
    std::vector<std::int64_t> samples{0, 1, 5, 7, 10, 99, 3320005, 3380000, 123456789012345, 999'999'999'999'999,
                                      -999'999'999'999'999, -1, -60000};
    for (int i = 0; i < 200000; ++i) samples.push_back(any(rng));
    for (std::int64_t fen : samples) {
        const double y = workbook_yuan(fen);
        // What libxlsxwriter writes (worksheet.c, "%.16G"), as a spreadsheet reads it back:
        // the same double, shown by "0.00" as the exact amount.
        char written[64];
        std::snprintf(written, sizeof written, "%.16G", y);
        const double read = std::strtod(written, nullptr);
        REQUIRE(read == y);
        REQUIRE(fmt::format("{:.2f}", read) == to_yuan(Money{fen}));
        REQUIRE(std::llround(read * 100) == fen);
    }
    CHECK_THROWS_AS(workbook_yuan(1'000'000'000'000'000), std::range_error);
    CHECK_THROWS_AS(workbook_yuan(-1'000'000'000'000'000), std::range_error);
}

TEST_CASE("the treasury workbook: typed cells, control total beside the table, same bytes again") {
    Scratch s;
    const std::string a = treasury_workbook(7, rows, "2026-01-06T08:00:00Z", s.dir);
    const std::string b = treasury_workbook(7, rows, "2026-01-06T08:00:00Z", s.dir);
    CHECK(a.rfind("PK\x03\x04", 0) == 0);
    CHECK(a == b);  // libxlsxwriter stamps zip members 1980-01-01; created is the approval's
    CHECK(treasury_workbook(7, rows, "2026-01-07T08:00:00Z", s.dir) != a);
    CHECK(std::filesystem::is_empty(s.dir));  // no scratch file left behind
    CHECK(treasury_workbook_name(7) == "treasury-7.xlsx");

    const std::string core = member(a, "docProps/core.xml");
    CHECK(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-06T08:00:00Z</dcterms:created>") !=
          std::string::npos);
    const std::string strings = member(a, "xl/sharedStrings.xml");
    const std::string sheet = member(a, "xl/worksheets/sheet1.xml");
    CHECK(strings.find("<t>0530100990000000101</t>") != std::string::npos);
    CHECK(strings.find("<t>0153010200000001XA</t>") != std::string::npos);
    CHECK(strings.find("收款单位统一社会信用代码 / payee_uscc") != std::string::npos);
    CHECK(strings.find("<t>=HYPERLINK(\"http://x\",\"y\")</t>") != std::string::npos);  // text, not a formula
    CHECK(sheet.find("<f>") == std::string::npos);  // no formula anywhere
    // Credit codes (column B) and accounts (E) are strings, amounts (F) numbers; the
    // control total (J3) sits outside the amount column, which holds the payee rows only.
    for (const char* ref : {"B2", "B3", "C2", "E2", "E3"}) CHECK(cell(sheet, ref).find("t=\"s\"") != std::string::npos);
    CHECK(cell(sheet, "F2").find("<v>33200.05</v>") != std::string::npos);
    CHECK(cell(sheet, "F2").find("t=\"") == std::string::npos);
    CHECK(cell(sheet, "F3").find("<v>600</v>") != std::string::npos);
    CHECK(cell(sheet, "F4").empty());
    CHECK(cell(sheet, "F5").empty());
    CHECK(cell(sheet, "J3").find("<v>33800.05</v>") != std::string::npos);
    CHECK(cell(sheet, "J2").find("<v>2</v>") != std::string::npos);
    CHECK(cell(sheet, "J4").find("<v>4</v>") != std::string::npos);
    CHECK(member(a, "xl/styles.xml").find("formatCode=\"0.00\"") != std::string::npos);
    CHECK(treasury_workbook(7, rows, "2026-01-06T16:00:00+08:00", s.dir) == a);  // the same instant
    CHECK_THROWS_AS(treasury_workbook(7, rows, "yesterday", s.dir), std::runtime_error);
    CHECK_THROWS_AS(treasury_workbook(7, rows, "2026-01-06T08:00:00", s.dir), std::runtime_error);
}

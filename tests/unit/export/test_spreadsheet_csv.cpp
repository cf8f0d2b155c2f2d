#include "export/spreadsheet_csv.h"
#include "export/treasury_file.h"
#include "model/money.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

using namespace patsub;
using namespace patsub::exports;

TEST_CASE("cells a spreadsheet would run as a formula get a leading quote") {
    CHECK(neutralised("=SUM(A1:A9)") == "'=SUM(A1:A9)");
    CHECK(neutralised("+86 871") == "'+86 871");
    CHECK(neutralised("-2+3") == "'-2+3");
    CHECK(neutralised("@cmd") == "'@cmd");
    CHECK(neutralised("\tx") == "'\tx");
    CHECK(neutralised("\rx") == "'\rx");
    CHECK(neutralised("昆明=公司") == "昆明=公司");  // only the first character matters
    CHECK(neutralised("") == "");
    CHECK(neutralised("'quoted") == "'quoted");
}

TEST_CASE("RFC 4180 quoting after neutralisation") {
    CHECK(spreadsheet_cell("plain") == "plain");
    CHECK(spreadsheet_cell("a,b") == "\"a,b\"");
    CHECK(spreadsheet_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(spreadsheet_cell("two\nlines") == "\"two\nlines\"");
    CHECK(spreadsheet_cell("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(spreadsheet_cell("\rx") == "\"'\rx\"");
}

TEST_CASE("a spreadsheet CSV starts with the BOM and ends records with CRLF") {
    SpreadsheetCsv csv;
    csv.row({"a", "b"});
    csv.row({"昆明", "=1+1"});
    CHECK(csv.bytes() == "\xEF\xBB\xBF" "a,b\r\n昆明,'=1+1\r\n");
}

TEST_CASE("yuan from fen: two decimals, negative and large amounts") {
    CHECK(to_yuan(Money{0}) == "0.00");
    CHECK(to_yuan(Money{5}) == "0.05");
    CHECK(to_yuan(Money{3380000}) == "33800.00");
    CHECK(to_yuan(Money{-1}) == "-0.01");
    CHECK(to_yuan(Money{-60000}) == "-600.00");
    CHECK(to_yuan(Money{-3000099}) == "-30000.99");
    CHECK(to_yuan(Money{std::numeric_limits<std::int64_t>::max()}) == "92233720368547758.07");
    CHECK(to_yuan(Money{-std::numeric_limits<std::int64_t>::max()}) == "-92233720368547758.07");
    CHECK(to_yuan(Money{1000000000000}) == "10000000000.00");
}

TEST_CASE("the treasury file: header, a row per payee, the control row, BOM and CRLF") {
    std::vector<ledger::TreasuryRow> rows{
        {"91530102MA6PDC012R", "昆明滇池智能装备有限公司", "滇池样例银行, 五华支行", "530100990000000101", 3320000, 3},
        {"91530111MA6PGY027L", "=cmd|' /C calc'!A0", "-bank", "@530100990000000202", 60000, 1},
    };
    const std::string csv = treasury_csv(7, rows);
    CHECK(csv == "\xEF\xBB\xBF"
                 "batch_id,payee_uscc,payee_name,bank_name,bank_account,amount_yuan,lines\r\n"
                 "7,\"91530102MA6PDC012R\",昆明滇池智能装备有限公司,\"滇池样例银行, 五华支行\",\"530100990000000101\",33200.00,3\r\n"
                 "7,\"91530111MA6PGY027L\",'=cmd|' /C calc'!A0,'-bank,\"'@530100990000000202\",600.00,1\r\n"
                 "7,TOTAL,2,,,33800.00,4\r\n");
    CHECK(treasury_csv(9, {}) == "\xEF\xBB\xBF"
                                 "batch_id,payee_uscc,payee_name,bank_name,bank_account,amount_yuan,lines\r\n"
                                 "9,TOTAL,0,,,0.00,0\r\n");
    CHECK(treasury_file_name(7) == "treasury-7.csv");
}

TEST_CASE("the checksum line has the sha256sum format") {
    CHECK(sha256_line("abc", "treasury-1.csv") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  treasury-1.csv\n");
}

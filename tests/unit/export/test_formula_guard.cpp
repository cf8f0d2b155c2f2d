#include "export/formula_guard.h"
#include "export/ledger_csv.h"
#include "export/ledger_extract.h"
#include "export/notice_list.h"
#include "export/spreadsheet_csv.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace patsub;
using namespace patsub::exports;

TEST_CASE("the formula guard looks past leading blanks and invisible format characters") {
    CHECK(neutralised("=1+1") == "'=1+1");
    CHECK(neutralised("\u3000=1+1") == "'\u3000=1+1");          // ideographic space (Zs)
    CHECK(neutralised("\u00A0+86 871") == "'\u00A0+86 871");    // NBSP (Zs)
    CHECK(neutralised("\uFEFF@SUM(A1)") == "'\uFEFF@SUM(A1)");  // BOM / ZWNBSP (Cf)
    CHECK(neutralised("\u200B-1+2") == "'\u200B-1+2");          // ZWSP (Cf)
    CHECK(neutralised("\u2060\u202E=cmd") == "'\u2060\u202E=cmd");  // word joiner, RLO (Cf)
    CHECK(neutralised("\u2003\u3000\u200B\t") == "'\u2003\u3000\u200B\t");  // em space, then tab
    CHECK(neutralised(" \rx") == "' \rx");
    CHECK(neutralised("\n=1") == "'\n=1");
    CHECK(neutralised("＝1+1") == "'＝1+1");  // fullwidth, as a Chinese IME types it
    CHECK(neutralised("\u3000＋1") == "'\u3000＋1");
    CHECK(neutralised("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
}

TEST_CASE("the formula guard leaves text and plain numbers alone") {
    CHECK(neutralised("\u3000昆明=公司") == "\u3000昆明=公司");  // the first visible character decides
    CHECK(neutralised("昆明=公司") == "昆明=公司");
    CHECK(neutralised("\u3000\u00A0") == "\u3000\u00A0");
    CHECK(neutralised("-600.00") == "-600.00");  // a recovery amount is a number, not a formula
    CHECK(neutralised("-60000") == "-60000");
    CHECK(neutralised("-") == "'-");
    CHECK(neutralised("-.5") == "'-.5");
    CHECK(neutralised("-1.") == "'-1.");
    CHECK(neutralised("-1e5") == "'-1e5");
    CHECK_FALSE(reads_as_formula("8.10"));
    CHECK(reads_as_formula("\xEF\xBB\xBF=1"));
    CHECK_FALSE(reads_as_formula("\xFF=1"));  // a stray byte is visible (U+FFFD), not skipped
}

namespace {

ledger::LedgerLine sample_line(const std::string& name, const std::string& clause, std::int64_t fen) {
    ledger::LedgerLine l;
    l.line_id = 12;
    l.batch_id = 3;
    l.grant_id = "CN114567890B";
    l.office = "CN";
    l.kind = "B";
    l.patent_type = PatentType::invention;
    l.jurisdiction = Jurisdiction::CN;
    l.family = "FAM-CN114567890B";
    l.payee_uscc = "0153010200000001X";
    l.payee_name = name;
    l.clause = clause;
    l.status = fen < 0 ? LineStatus::recovery : LineStatus::payable;
    l.amount.fen = fen;
    l.policy_version = "km-2019-m8";
    return l;
}

}  // namespace

TEST_CASE("patsub ledger --format csv keeps the contract's columns and guards every text cell") {
    std::ostringstream out;
    write_ledger_csv_header(out);
    write_ledger_csv_row(out, sample_line("=HYPERLINK(\"http://x\",\"y\")", "8.10", -300000));
    write_ledger_csv_row(out, sample_line("\u3000=1+1", "8.6", 300000));
    CHECK(out.str() ==
          "line_id,batch_id,grant,office,kind,patent_type,jurisdiction,family,payee_uscc,payee_name,clause,status,"
          "amount_fen,reason,policy\n"
          "12,3,CN114567890B,CN,B,invention,CN,FAM-CN114567890B,0153010200000001X,"
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",8.10,recovery,-300000,,km-2019-m8\n"
          "12,3,CN114567890B,CN,B,invention,CN,FAM-CN114567890B,0153010200000001X,'\u3000=1+1,8.6,payable,300000,,"
          "km-2019-m8\n");
}

TEST_CASE("the batch folder's ledger.csv: BOM, CRLF, both languages, yuan and fen, clauses as text") {
    std::ostringstream out;
    {
        LedgerExtract extract(out);
        extract.row(sample_line("昆明甲公司", "8.10", 300005));
        extract.row(sample_line("+86 昆明", "8.6", -60000));
    }
    const std::string s = out.str();
    REQUIRE(s.rfind("\xEF\xBB\xBF", 0) == 0);
    const std::string header = s.substr(3, s.find("\r\n") - 3);
    CHECK(header == "行号 / line_id,批次 / batch_id,专利 / grant,受理局 / office,文献种类 / kind,专利类型 / patent_type,"
                    "地域类别 / jurisdiction,同族 / family,收款单位统一社会信用代码 / payee_uscc,收款单位 / payee_name,"
                    "条款 / clause,状态 / status,金额（元） / amount_yuan,金额（分） / amount_fen,原因 / reason,"
                    "政策版本 / policy");
    CHECK(s.find("\r\n12,3,CN114567890B,CN,B,invention,CN,FAM-CN114567890B,0153010200000001X,昆明甲公司,第8.10条,"
                 "payable,3000.05,300005,,km-2019-m8\r\n") != std::string::npos);
    CHECK(s.find(",'+86 昆明,第8.6条,recovery,-600.00,-60000,,") != std::string::npos);
    CHECK(s.find('\n') == s.find("\r\n") + 1);  // no bare LF anywhere
    std::size_t lf = 0, crlf = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '\n') {
            ++lf;
            crlf += i > 0 && s[i - 1] == '\r';
        }
    CHECK(lf == 3);
    CHECK(crlf == 3);
}

TEST_CASE("the notice list: both languages, clauses as text, names, titles and channel guarded") {
    std::vector<ledger::NoticedLine> lines{{sample_line("\u200B@evil", "8.10", 150000), "=HYPERLINK(\"x\")"}};
    ledger::NoticePublication p;
    p.batch_id = 3;
    p.first_day = "2026-12-08";
    p.last_day = "2026-12-14";
    p.objection_channel = "+86 信箱";
    p.contacts = "甲 0871\n-乙";
    p.clause_texts = "8.10\t新认定的昆明市知识产权试点企业\n";
    const std::string csv = notice_csv(p, lines);
    CHECK(csv == "\xEF\xBB\xBF"
                 "批次 / batch_id,单位 / payee_name,专利 / patent,条款 / clause,金额（元） / amount_yuan,"
                 "专利名称 / title,条款含义 / clause_meaning,公示期起 / period_first_day,公示期止 / period_last_day,"
                 "异议渠道 / objection_channel,联系方式 / contacts\r\n"
                 "3,'\u200B@evil,CN114567890B,第8.10条,1500.00,\"'=HYPERLINK(\"\"x\"\")\",新认定的昆明市知识产权试点企业,"
                 "2026-12-08,2026-12-14,'+86 信箱,甲 0871; -乙\r\n");
}

TEST_CASE("clause ids and headers for people") {
    CHECK(clause_text("8.10") == "第8.10条");
    CHECK(clause_text("") == "");
    CHECK(bilingual_header("收款单位统一社会信用代码", "payee_uscc") == "收款单位统一社会信用代码 / payee_uscc");
    CHECK(quoted_spreadsheet_cell("0530100990000000101") == "\"0530100990000000101\"");
    CHECK(quoted_spreadsheet_cell("=1") == "\"'=1\"");
    CHECK(spreadsheet_record({"a", "\"b,c\""}) == "a,\"b,c\"\r\n");
}

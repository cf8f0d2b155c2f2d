#include "export/ledger_extract.h"

#include "export/spreadsheet_csv.h"
#include "model/money.h"

#include <string>
#include <vector>

namespace patsub::exports {

LedgerExtract::LedgerExtract(std::ostream& out) : out_(out) {
    std::vector<std::string> header;
    for (const auto& [zh, en] : std::initializer_list<std::pair<const char*, const char*>>{
             {"行号", "line_id"}, {"批次", "batch_id"}, {"专利", "grant"}, {"受理局", "office"},
             {"文献种类", "kind"}, {"专利类型", "patent_type"}, {"地域类别", "jurisdiction"},
             {"同族", "family"}, {"收款单位统一社会信用代码", "payee_uscc"}, {"收款单位", "payee_name"},
             {"条款", "clause"}, {"状态", "status"}, {"金额（元）", "amount_yuan"}, {"金额（分）", "amount_fen"},
             {"原因", "reason"}, {"政策版本", "policy"}})
        header.push_back(spreadsheet_cell(bilingual_header(zh, en)));
    out_ << utf8_bom << spreadsheet_record(header);
}

void LedgerExtract::row(const ledger::LedgerLine& l) {
    out_ << spreadsheet_record({std::to_string(l.line_id), std::to_string(l.batch_id), spreadsheet_cell(l.grant_id),
                                spreadsheet_cell(l.office), spreadsheet_cell(l.kind), spreadsheet_cell(ledger::text_of(l.patent_type)),
                                spreadsheet_cell(ledger::text_of(l.jurisdiction)), spreadsheet_cell(l.family),
                                spreadsheet_cell(l.payee_uscc), spreadsheet_cell(l.payee_name),
                                spreadsheet_cell(clause_text(l.clause)), spreadsheet_cell(to_string(l.status)),
                                to_yuan(l.amount), std::to_string(l.amount.fen),
                                spreadsheet_cell(l.reason), spreadsheet_cell(l.policy_version)});
}

}  // namespace patsub::exports

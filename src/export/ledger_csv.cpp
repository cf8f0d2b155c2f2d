#include "export/ledger_csv.h"

#include "export/formula_guard.h"

#include <fmt/format.h>

namespace patsub::exports {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void write_ledger_csv_header(std::ostream& out) {
    out << "line_id,batch_id,grant,office,kind,patent_type,jurisdiction,family,payee_uscc,payee_name,"
           "clause,status,amount_fen,reason,policy\n";
}

void write_ledger_csv_row(std::ostream& out, const ledger::LedgerLine& l) {
    out << l.line_id << ',' << l.batch_id;
    for (const std::string_view f : {std::string_view(l.grant_id), std::string_view(l.office), std::string_view(l.kind),
                                     ledger::text_of(l.patent_type), ledger::text_of(l.jurisdiction), std::string_view(l.family),
                                     std::string_view(l.payee_uscc), std::string_view(l.payee_name),
                                     std::string_view(l.clause), to_string(l.status)})
        out << ',' << csv_field(neutralised(std::string(f)));
    out << ',' << l.amount.fen << ',' << csv_field(neutralised(l.reason)) << ',' << csv_field(neutralised(l.policy_version))
        << '\n';
}

void write_ledger_csv(std::ostream& out, const std::vector<ledger::LedgerLine>& lines) {
    write_ledger_csv_header(out);
    for (const auto& l : lines) write_ledger_csv_row(out, l);
}

}  // namespace patsub::exports

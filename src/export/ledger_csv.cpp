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
    for (const std::string* f : {&l.grant_id, &l.office, &l.kind, &l.patent_type, &l.jurisdiction, &l.family,
                                 &l.payee_uscc, &l.payee_name, &l.clause, &l.status})
        out << ',' << csv_field(neutralised(*f));
    out << ',' << l.amount_fen << ',' << csv_field(neutralised(l.reason)) << ',' << csv_field(neutralised(l.policy_version))
        << '\n';
}

void write_ledger_csv(std::ostream& out, const std::vector<ledger::LedgerLine>& lines) {
    write_ledger_csv_header(out);
    for (const auto& l : lines) write_ledger_csv_row(out, l);
}

}  // namespace patsub::exports

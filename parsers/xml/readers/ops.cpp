#include "parsers/xml/readers/ops.h"

#include "parsers/xml/readers/epo_exchange.h"

namespace patsub::xml {

namespace {

using Rule = PathRule<ExchangeState>;

Visit begin_document(ExchangeState& s, const Element& e) {
    begin_exchange_record(s);
    read_exchange_document_attributes(s, e);
    return Visit::descend;
}

// The member's @family-id is taken first; its exchange-document (if any) adds the rest.
Visit begin_member(ExchangeState& s, const Element& e) { return begin_document(s, e); }

void end_record(ExchangeState& s) { emit_exchange_record(s); }

Visit refuse_register(ExchangeState& s, const Element&) {
    s.reader.fail("EP Register response, not publication data (ops:register-search); fetch the published-data "
                  "biblio instead");
    return Visit::skip;
}

}  // namespace

std::unique_ptr<FormatReading> read_ops(SafeReader& reader, RecordSink& records, const Element&) {
    // Built on first use: the children come from epo_exchange.cpp.
    static const Rule kResponse[] = {
        {.path = "exchange-documents/exchange-document", .enter = begin_document, .exit = end_record,
         .children = exchange_document_rules()},
        {.path = "biblio-search/search-result/exchange-documents/exchange-document", .enter = begin_document,
         .exit = end_record, .children = exchange_document_rules()},
        {.path = "patent-family/family-member", .enter = begin_member, .exit = end_record,
         .children = family_member_rules()},
        {.path = "register-search", .enter = refuse_register},
    };
    return std::make_unique<RulesReading<ExchangeState>>(ExchangeState{reader, records, kOpsFormat},
                                                         RuleTable<ExchangeState>(kResponse));
}

}  // namespace patsub::xml

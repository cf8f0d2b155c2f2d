#include "parsers/xml/readers/docdb.h"

#include "parsers/xml/readers/epo_exchange.h"

namespace patsub::xml {

namespace {

using Rule = PathRule<ExchangeState>;

Visit begin_document(ExchangeState& s, const Element& e) {
    begin_exchange_record(s);
    read_exchange_document_attributes(s, e);
    return Visit::descend;
}

void end_document(ExchangeState& s) { emit_exchange_record(s); }

}  // namespace

std::unique_ptr<FormatReading> read_docdb(SafeReader& reader, RecordSink& records, const Element& root) {
    // Built on first use: the children come from epo_exchange.cpp.
    static const Rule kBulk[] = {
        {.path = "exchange-document", .enter = begin_document, .exit = end_document,
         .children = exchange_document_rules()},
    };
    static const Rule kSingle[] = {
        {.path = "", .enter = begin_document, .exit = end_document, .children = exchange_document_rules()},
    };
    const bool bulk = root.local_name() == "exchange-documents";
    return std::make_unique<RulesReading<ExchangeState>>(
        ExchangeState{reader, records, kDocdbFormat},
        bulk ? RuleTable<ExchangeState>(kBulk) : RuleTable<ExchangeState>(kSingle));
}

}  // namespace patsub::xml

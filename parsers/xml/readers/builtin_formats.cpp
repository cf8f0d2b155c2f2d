#include "parsers/xml/readers/builtin_formats.h"

#include "parsers/xml/readers/cnipa_business.h"
#include "parsers/xml/readers/cnipa_legacy.h"
#include "parsers/xml/readers/docdb.h"
#include "parsers/xml/readers/ep_publication.h"
#include "parsers/xml/readers/epo_exchange.h"
#include "parsers/xml/readers/jpo.h"
#include "parsers/xml/readers/kipo.h"
#include "parsers/xml/readers/ops.h"
#include "parsers/xml/readers/st96.h"
#include "parsers/xml/readers/uspto_grant.h"

namespace patsub::xml {

namespace {

FormatRegistry make_builtin_formats() {
    FormatRegistry registry;
    registry.add({.root_name = "us-patent-grant", .format = kUsptoGrantFormat, .read = read_uspto_grant});
    registry.add({.root_name = "PatentDocumentAndRelated",
                  .namespace_uri = kCnipaBusinessNamespace,
                  .format = kCnipaBusinessFormat,
                  .read = read_cnipa_business});
    registry.add({.root_name = "cn-patent-document", .format = kCnipaLegacyFormat, .read = read_cnipa_legacy});
    registry.add({.root_name = "ep-patent-document", .format = kEpPublicationFormat, .read = read_ep_publication});
    registry.add({.root_name = "exchange-documents",
                  .namespace_uri = kEpoExchangeNamespace,
                  .format = kDocdbFormat,
                  .read = read_docdb});
    registry.add({.root_name = "exchange-document",
                  .namespace_uri = kEpoExchangeNamespace,
                  .format = kDocdbFormat,
                  .read = read_docdb});
    // DOCDB excerpts seen with neither prefix nor namespace (AP 1206 A).
    registry.add({.root_name = "exchange-document", .format = kDocdbFormat, .read = read_docdb});
    registry.add({.root_name = "world-patent-data", .namespace_uri = kOpsNamespace, .format = kOpsFormat, .read = read_ops});
    registry.add({.root_name = "jp-official-gazette", .format = kJpoFormat, .read = read_jpo});
    // KIPRIS Plus answers with a bare <response>; a response without items is refused.
    registry.add({.root_name = "response", .format = kKipoFormat, .read = read_kipo});
    registry.add({.root_name = "PatentPublication",
                  .namespace_uri = kSt96PatentNamespace,
                  .format = kSt96Format,
                  .read = read_st96});

    // Known roots that travel with grants but are not patent documents.
    registry.add({.root_name = "sequence-cwu",
                  .format = "uspto-sequence-listing",
                  .skip_reason = "sequence listing (<sequence-cwu>), not a patent document"});
    registry.add({.root_name = "us-patent-application",
                  .format = "uspto-application",
                  .skip_reason = "US pre-grant application publication (<us-patent-application>), not a grant"});
    registry.add({.root_name = "DesignApplication",
                  .namespace_uri = kSt96DesignNamespace,
                  .format = "st96-design-application",
                  .skip_reason = "WIPO ST.96 design application record (<DesignApplication>), not a patent "
                                 "publication"});
    return registry;
}

}  // namespace

const FormatRegistry& builtin_formats() {
    static const FormatRegistry registry = make_builtin_formats();
    return registry;
}

}  // namespace patsub::xml

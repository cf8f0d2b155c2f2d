#include "parsers/xml/builtin_formats.h"

#include "parsers/xml/cnipa_business.h"
#include "parsers/xml/cnipa_legacy.h"
#include "parsers/xml/uspto_grant.h"

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

    // Known roots that travel with grants but are not patent documents.
    registry.add({.root_name = "sequence-cwu",
                  .format = "uspto-sequence-listing",
                  .skip_reason = "sequence listing (<sequence-cwu>), not a patent document"});
    registry.add({.root_name = "us-patent-application",
                  .format = "uspto-application",
                  .skip_reason = "US pre-grant application publication (<us-patent-application>), not a grant"});
    return registry;
}

}  // namespace

const FormatRegistry& builtin_formats() {
    static const FormatRegistry registry = make_builtin_formats();
    return registry;
}

}  // namespace patsub::xml

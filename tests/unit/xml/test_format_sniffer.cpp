// Format sniffing from the root element, and the registry that lets formats be added.
#include "parsers/xml/readers/format_sniffer.h"

#include "parsers/xml/readers/builtin_formats.h"
#include "parsers/xml/readers/cnipa_business.h"
#include "xml_test_support.h"

#include <stdexcept>

namespace patsub::xml::test {
namespace {

// Takes the records of a sniffed document and forgets them.
class NoRecords final : public RecordSink {
public:
    void emit(RawDocument&&) override {}
    void refuse(long, std::string) override {}
};

SniffResult sniff_string(const std::string& doc) {
    SafeReader reader(doc);
    NoRecords records;
    return sniff_and_read(reader, builtin_formats(), records);
}

}  // namespace

TEST_CASE("builtin roots are recognised by local name and namespace") {
    const FormatRegistry& formats = builtin_formats();
    CHECK(sniff_root("us-patent-grant", "", formats).outcome == SniffOutcome::read);
    CHECK(sniff_root("us-patent-grant", "", formats).entry->format == "uspto-grant");
    CHECK(sniff_root("cn-patent-document", "", formats).entry->format == "cnipa-legacy");
    const SniffResult business = sniff_root("PatentDocumentAndRelated", kCnipaBusinessNamespace, formats);
    CHECK(business.outcome == SniffOutcome::read);
    CHECK(business.entry->format == "cnipa-business");
    CHECK(sniff_root("sequence-cwu", "", formats).outcome == SniffOutcome::skip);
    CHECK(sniff_root("us-patent-application", "", formats).outcome == SniffOutcome::skip);
}

TEST_CASE("the office formats of issue 3 are registered by root and namespace") {
    const FormatRegistry& formats = builtin_formats();
    const auto format_of = [&](std::string_view root, std::string_view ns) {
        const SniffResult r = sniff_root(root, ns, formats);
        return r.entry != nullptr ? std::string(r.entry->format) : std::string("unknown");
    };
    CHECK(format_of("ep-patent-document", "") == "ep-publication");
    CHECK(format_of("exchange-documents", "http://www.epo.org/exchange") == "docdb");
    CHECK(format_of("exchange-document", "http://www.epo.org/exchange") == "docdb");
    CHECK(format_of("exchange-document", "") == "docdb");  // the unprefixed AP excerpt
    CHECK(format_of("world-patent-data", "http://ops.epo.org") == "ops");
    CHECK(format_of("world-patent-data", "") == "unknown");
    CHECK(format_of("jp-official-gazette", "") == "jpo");
    CHECK(format_of("response", "") == "kipo-kipris");
    CHECK(format_of("PatentPublication", "http://www.wipo.int/standards/XMLSchema/ST96/Patent") == "st96");
    const SniffResult design =
        sniff_root("DesignApplication", "http://www.wipo.int/standards/XMLSchema/ST96/Design", formats);
    CHECK(design.outcome == SniffOutcome::skip);
}

TEST_CASE("the right local name in the wrong namespace is unknown") {
    const FormatRegistry& formats = builtin_formats();
    CHECK(sniff_root("PatentDocumentAndRelated", "", formats).outcome == SniffOutcome::unknown);
    CHECK(sniff_root("PatentDocumentAndRelated", "http://www.sipo.gov.cn/XMLSchema/base", formats).outcome ==
          SniffOutcome::unknown);
    CHECK(sniff_root("us-patent-grant", "urn:other", formats).outcome == SniffOutcome::unknown);
    const SniffResult other = sniff_root("exchange-document", "http://www.epo.org/exchange", formats);
    CHECK(other.describe_root() == "<exchange-document> in namespace http://www.epo.org/exchange");
}

TEST_CASE("sniffing reads up to the root past declarations, PIs and comments") {
    const SniffResult r = sniff_string(
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"x.xsl\"?>\n<!-- SIPO -->\n"
        "<business:PatentDocumentAndRelated xmlns:business=\"http://www.sipo.gov.cn/XMLSchema/business\"/>");
    CHECK(r.outcome == SniffOutcome::read);
    CHECK(r.root_name == "PatentDocumentAndRelated");
    CHECK(r.root_line == 4);
    const SniffResult broken = sniff_string("<?xml version=\"1.0\"?>\n");
    CHECK(broken.outcome == SniffOutcome::failed);
}

TEST_CASE("an unknown root is refused, naming it") {
    // TIPO's grant format: its DTD is known, no data file was ever found, so no reader.
    const CollectingSink sink = read_string("<?xml version=\"1.0\"?>\n<tw-patent-grant country=\"TW\"/>\n");
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "unknown document format: root element <tw-patent-grant>");
    CHECK(sink.refused[0].line == 2);
}

TEST_CASE("a registry takes new formats without touching the others") {
    FormatRegistry registry;
    registry.add({.root_name = "ep-patent-document",
                  .format = "ep-test",
                  .read = [](SafeReader&, RecordSink& records, const Element&) -> std::unique_ptr<FormatReading> {
                      // Reads nothing and emits one record once the document is parsed.
                      class Reading final : public FormatReading, ElementHandler {
                      public:
                          explicit Reading(RecordSink& r) : records_(r) {}
                          ElementHandler& handler() override { return *this; }
                          void finish() override {
                              RawDocument doc;
                              doc.format = "ep-test";
                              doc.number = "0874807";
                              records_.emit(std::move(doc));
                          }
                          Visit on_enter(const Element&) override { return Visit::descend; }
                          void on_text(std::string_view, std::string_view) override {}
                          void on_exit(std::string_view) override {}

                      private:
                          RecordSink& records_;
                      };
                      return std::make_unique<Reading>(records);
                  }});
    CHECK_THROWS_AS(registry.add({.root_name = "ep-patent-document", .format = "again"}), std::invalid_argument);
    GrantFileOptions options;
    options.formats = &registry;
    const CollectingSink sink = read_string("<ep-patent-document><SDOBI/></ep-patent-document>", options);
    REQUIRE(sink.documents.size() == 1);
    CHECK(sink.documents[0].second.format == "ep-test");
    // That registry does not know USPTO grants.
    CHECK(read_string(us_grant(), options).refused.size() == 1);
}

}  // namespace patsub::xml::test

// Streamed documents (document_splitter.h: a document past SplitterOptions::stream_threshold
// is pulled through the parser instead of held): the sink must be told exactly what it is
// told when the same document is held whole (records, refusals with file lines and
// columns, skips), whatever the pieces the bytes arrive in. The threshold is set tiny
// here so that ordinary test documents are streamed across hundreds of pieces.
#include "parsers/xml/grant_file_reader.h"
#include "parsers/xml/split/document_splitter.h"

#include "xml_test_support.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <sstream>

namespace patsub::xml::test {
namespace {

// One line per sink call, with everything the sink is given.
class EventLog final : public DocumentSink {
public:
    std::vector<std::string> events;
    int records = 0;

    void on_document(RawDocument&& d, int index) override {
        ++records;
        std::string e = "read " + std::to_string(index) + "." + std::to_string(d.record) + " line " +
                        std::to_string(d.line) + " " + d.format + " " + d.office + d.number + " " + d.kind + " " +
                        d.date + " " + d.application_number + " " + d.application_date + " [" + d.title + "] " +
                        d.declared_type + " " + d.pct_application + " " + d.family_id;
        for (const RawParty& p : d.patentees) {
            e += " {" + p.name + "|" + p.address + "|" + p.city + "|" + p.country;
            for (const std::string& n : p.names) e += "|" + n;
            e += "}";
        }
        for (const RawPriority& p : d.priorities) e += " (" + p.country + p.number + " " + p.date + ")";
        events.push_back(std::move(e));
    }
    void on_refused(DocumentProblem p) override {
        events.push_back("refused " + std::to_string(p.document_index) + "." + std::to_string(p.record) + " line " +
                         std::to_string(p.line) + ":" + std::to_string(p.column) + " " + p.file + " " + p.cause);
    }
    void on_skipped(int index, long line, std::string why) override {
        events.push_back("skipped " + std::to_string(index) + " line " + std::to_string(line) + " " + why);
    }
};

std::vector<std::string> read_events(const std::string& bytes, const GrantFileOptions& options = {}) {
    MemoryByteSource source(bytes);
    EventLog log;
    read_grant_source(source, "inbox.xml", log, options);
    return log.events;
}

GrantFileOptions streaming(std::size_t chunk, std::size_t threshold = 1024) {
    GrantFileOptions options;
    options.splitter.chunk_size = chunk;
    options.splitter.stream_threshold = threshold;
    return options;
}

constexpr std::size_t kChunks[] = {7, 61, 1000, 4096};

// How many documents of `bytes` the splitter streams with `options`.
int streamed_documents(const std::string& bytes, const GrantFileOptions& options) {
    MemoryByteSource source(bytes);
    DocumentSplitter splitter(source, options.splitter);
    SplitDocument document;
    int streamed = 0;
    while (splitter.next(document)) streamed += document.streamed() ? 1 : 0;
    return streamed;
}

// The file read whole and streamed in every chunk size gives the same events; at least
// `min_streamed` documents were streamed each time (so the test tests something).
std::vector<std::string> check_same_when_streamed(const std::string& bytes, int min_streamed = 1) {
    const auto whole = read_events(bytes);
    for (const std::size_t chunk : kChunks) {
        CAPTURE(chunk);
        const GrantFileOptions options = streaming(chunk);
        CHECK(streamed_documents(bytes, options) >= min_streamed);
        const auto streamed = read_events(bytes, options);
        CHECK(streamed == whole);
        if (streamed != whole) {
            for (const auto& e : whole) MESSAGE("whole:    " << e.substr(0, 300));
            for (const auto& e : streamed) MESSAGE("streamed: " << e.substr(0, 300));
        }
    }
    return whole;
}


// One DOCDB exchange-document of the bulk layout, on five lines, with ISO entities and
// `abstract` bytes of abstract.
std::string docdb_record(int i, std::size_t abstract = 0) {
    const std::string n = std::to_string(3000000 + i);
    return "<exch:exchange-document country=\"EP\" doc-number=\"" + n + "\" kind=\"A1\" doc-id=\"" +
           std::to_string(i) + "\" date-publ=\"20210427\" family-id=\"" + std::to_string(9000 + i) +
           "\">\n<exch:bibliographic-data><exch:publication-reference data-format=\"docdb\"><document-id>"
           "<country>EP</country><doc-number>" + n + "</doc-number><kind>A1</kind><date>20210427</date>"
           "</document-id></exch:publication-reference>\n<exch:parties><exch:applicants><exch:applicant "
           "sequence=\"1\" data-format=\"docdb\"><exch:applicant-name><name>KO&SACUTE;NIK SP &amp; " + n +
           "</name></exch:applicant-name><residence><country>PL</country></residence></exch:applicant>"
           "</exch:applicants></exch:parties>\n<exch:invention-title lang=\"en\" data-format=\"docdba\">Valve "
           "&ndash; " + n + "<!-- &ccaron; --></exch:invention-title></exch:bibliographic-data>" +
           (abstract > 0 ? "<exch:abstract lang=\"en\"><exch:p>" + std::string(abstract, 'z') + "</exch:p></exch:abstract>"
                         : std::string()) +
           "\n</exch:exchange-document>\n";
}

// A bulk file as EPO cuts them out of a delivery: exch: used without its declaration.
std::string docdb_bulk(int records, bool declared = false) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<exch:exchange-documents";
    if (declared) s += " xmlns:exch=\"http://www.epo.org/exchange\"";
    s += " date-of-exchange=\"20210427\" dtd-version=\"2.5.9\">\n";
    for (int i = 0; i < records; ++i) s += docdb_record(i);
    return s + "</exch:exchange-documents>\n";
}

std::string big_description(std::size_t bytes) {
    std::string d;
    while (d.size() < bytes) d += "<p num=\"0002\">A long description paragraph with <i>markup</i>.</p>\n";
    return d;
}

// Writes `bytes` as a one-member gzip file.
void write_gzip(const std::filesystem::path& path, std::string_view bytes) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
}

// Produces a DOCDB bulk file of `records` records as it is read, so that the test never
// holds more of it than the reader asks for.
class GeneratedBulkSource final : public ByteSource {
public:
    explicit GeneratedBulkSource(int records) : records_(records) {
        pending_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<!DOCTYPE exch:exchange-documents SYSTEM \"docdb-entities.dtd\">\n<exch:exchange-documents "
                   "date-of-exchange=\"20210427\">\n";
    }
    std::size_t read(char* buffer, std::size_t capacity) override {
        while (served_ == pending_.size()) {
            if (next_ > records_) return 0;
            pending_ = next_ < records_ ? docdb_record(next_, 1800) : "</exch:exchange-documents>\n";
            served_ = 0;
            ++next_;
        }
        const std::size_t n = std::min(capacity, pending_.size() - served_);
        std::memcpy(buffer, pending_.data() + served_, n);
        served_ += n;
        produced_ += n;
        return n;
    }
    std::size_t produced() const { return produced_; }

private:
    int records_;
    int next_ = 0;
    std::string pending_;
    std::size_t served_ = 0;
    std::size_t produced_ = 0;
};

}  // namespace

TEST_CASE("streamed: every real sample gives the same records, refusals and skips as held whole") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found (PATSUB_SHARED_DIR undefined or missing)");
        return;
    }
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(*root)) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".xml" && ext != ".XML")) continue;
        CAPTURE(entry.path().string());
        const std::string bytes = read_file(entry.path());
        if (bytes.size() <= 2048) continue;  // not streamed at a 1 KiB threshold either way
        ++files;
        check_same_when_streamed(bytes);
    }
    CHECK(files > 30);
    // The project's own inbox samples too (CNIPA, DOCDB excerpt, a USPTO week in miniature).
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PATSUB_SOURCE_DIR) /
                                                                 "samples/inbox/grants")) {
        CAPTURE(entry.path().string());
        const std::string bytes = read_file(entry.path());
        if (bytes.size() > 2048) check_same_when_streamed(bytes);
    }
}

TEST_CASE("streamed: DOCDB with exch: undeclared and ISO entities is repaired as it is read") {
    const std::string bulk = docdb_bulk(40);
    const auto events = check_same_when_streamed(bulk);
    REQUIRE(events.size() == 40);
    CHECK(events[0].find("read 1.1 line 3 docdb EP3000000 A1") == 0);
    CHECK(events[0].find("{KO\xC5\x9ANIK SP & 3000000") != std::string::npos);  // &SACUTE; is U+015A
    CHECK(events[39].find("[Valve \xE2\x80\x93 3000039]") != std::string::npos);  // &ndash;
    // Declared, it needs only the entities.
    check_same_when_streamed(docdb_bulk(40, true));
    // The excerpt layout: one exchange-document as the root, large.
    std::string excerpt = docdb_record(7);
    excerpt.insert(excerpt.find('>'), std::string(3000, ' '));
    check_same_when_streamed(excerpt);
}

TEST_CASE("streamed: a USPTO week where some documents are big, broken, skipped or without a number") {
    std::string week;
    for (int i = 0; i < 12; ++i) {
        UsGrantParts parts;
        parts.number = std::to_string(8000000 + i);
        if (i % 3 == 1) parts.description = big_description(20000);
        if (i == 4) parts.description = big_description(5000) + "<p>unclosed <b>bold</p>\n";  // broken in the middle
        if (i == 7) parts.publication_reference = false;
        if (i == 10) parts.title = "&ldquo;undeclared&rdquo;";
        week += us_grant(parts);
        if (i == 5)
            week += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sequence-cwu SYSTEM \"x.dtd\" [ ]>\n"
                    "<sequence-cwu><s-seq-data>" + std::string(5000, 'a') + "</s-seq-data></sequence-cwu>\n";
    }
    const auto events = check_same_when_streamed(week, 4);
    REQUIRE(events.size() == 13);
    int refused = 0;
    int skipped = 0;
    for (const auto& e : events) {
        refused += e.starts_with("refused") ? 1 : 0;
        skipped += e.starts_with("skipped") ? 1 : 0;
    }
    CHECK(refused == 3);
    CHECK(skipped == 1);
}

TEST_CASE("streamed: a document broken in the middle is refused at its line, and the next one read") {
    UsGrantParts broken;
    broken.number = "07000001";
    broken.description = big_description(6000) + "<p>unclosed\n" + big_description(6000);
    const std::string file = us_grant(broken) + us_grant();
    const auto events = check_same_when_streamed(file);
    REQUIRE(events.size() == 2);
    CHECK(events[0].starts_with("refused 1.0 line "));
    CHECK(events[1].starts_with("read 2.1"));

    // DOCDB broken in its third record: the two before are read either way.
    std::string bulk = docdb_bulk(5, true);
    const auto third = bulk.find("</exch:bibliographic-data>", bulk.find("3000002"));
    bulk.replace(third, 26, "</exch:bibliographic-dat>");
    const auto docdb = check_same_when_streamed(bulk);
    REQUIRE(docdb.size() == 3);
    CHECK(docdb[2].starts_with("refused 1.0 line 16:"));
}

TEST_CASE("streamed: markup bounds hold for a streamed document, with the same message and line") {
    std::string many;
    for (int i = 0; i < 300; ++i) many += " a" + std::to_string(i) + "=\"1\"";
    // In the DOCTYPE, before anything is read.
    UsGrantParts attlist;
    attlist.doctype = "<!DOCTYPE us-patent-grant [\n<!ATTLIST p a CDATA \"1\">\n]>\n";
    attlist.description = big_description(5000);
    // Deep in a description: the one record is emitted at the document's end, so nothing
    // was emitted before the refusal.
    UsGrantParts attributes;
    attributes.number = "07000002";
    attributes.description = big_description(9000) + "<p" + many + ">x</p>\n" + big_description(3000);
    UsGrantParts namespaces;
    namespaces.number = "07000003";
    std::string nested;
    for (int e = 0; e < 20; ++e) {
        nested += "<e";
        for (int i = 0; i < 20; ++i) nested += " xmlns:q" + std::to_string(e) + "_" + std::to_string(i) + "=\"u\"";
        nested += ">\n";
    }
    namespaces.description = big_description(4000) + "<p>" + nested + "</p>\n";
    const std::string file = us_grant(attlist) + us_grant(attributes) + us_grant(namespaces) + us_grant();
    const auto events = check_same_when_streamed(file, 3);
    REQUIRE(events.size() == 4);
    CHECK(events[0].find("an attribute-list declaration in the internal DTD subset") != std::string::npos);
    CHECK(events[1].find("a start tag with more than 256 attributes") != std::string::npos);
    CHECK(events[2].find("more than 256 namespace declarations in scope") != std::string::npos);
    CHECK(events[3].starts_with("read 4.1"));
}

TEST_CASE("streamed: a markup violation late in a DOCDB bulk file keeps the records before it") {
    // Held whole, the check runs before libxml2 reads anything and refuses the document
    // alone; streamed, it runs as the bytes reach libxml2, so the records read before the
    // violation stay read (as with any other failure of a bulk file) and the refusal
    // carries the same message and line.
    std::string bulk = docdb_bulk(30, true);
    std::string many;
    for (int i = 0; i < 300; ++i) many += " a" + std::to_string(i) + "=\"1\"";
    const auto record = bulk.find("<exch:exchange-document ", bulk.find("3000020"));
    bulk.insert(record, "<exch:exchange-document" + many + "/>\n");
    const auto whole = read_events(bulk);
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].find("a start tag with more than 256 attributes") != std::string::npos);
    for (const std::size_t chunk : kChunks) {
        CAPTURE(chunk);
        const auto streamed = read_events(bulk, streaming(chunk));
        REQUIRE(streamed.size() >= 2);
        CHECK(streamed.size() <= 22);  // at most the 21 records before it, and the refusal
        CHECK(streamed.back() == whole[0]);
        CHECK(streamed[0].starts_with("read 1.1 line 3"));
    }
}

TEST_CASE("streamed: encodings are told and refused the same way when the bytes arrive in pieces") {
    const auto utf16 = [](std::string_view ascii, bool little) {
        std::string out = little ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
        for (const char c : ascii) {
            out += little ? c : '\0';
            out += little ? '\0' : c;
        }
        return out;
    };
    UsGrantParts big;
    big.description = big_description(3000);
    const std::string grant = us_grant(big);
    const auto declaring = [&grant](std::string_view encoding) {
        std::string doc = grant;
        doc.replace(doc.find("UTF-8"), 5, encoding);
        return doc;
    };
    for (const bool little : {true, false}) {
        CAPTURE(little);
        const auto read = check_same_when_streamed(utf16(declaring("UTF-16"), little));
        REQUIRE(read.size() == 1);
        CHECK(read[0].starts_with("read 1.1"));
        const auto contradicted = check_same_when_streamed(utf16(grant, little));
        REQUIRE(contradicted.size() == 1);
        CHECK(contradicted[0].find("the byte-order mark says UTF-16") != std::string::npos);
    }
    check_same_when_streamed("\xFF\xFE" + grant);  // 8-bit text behind a UTF-16 mark
    std::string latin1 = declaring("ISO-8859-1");
    latin1.replace(latin1.find("Method"), 6, "M\xE9thode");
    CHECK(check_same_when_streamed(latin1)[0].find("[M\xC3\xA9thode and device") != std::string::npos);
    CHECK(check_same_when_streamed(declaring("ISO-2022-JP"))[0].find("is not read") != std::string::npos);
    // Bytes that are not UTF-8 deep in a UTF-8 document: refused at the same line and column.
    std::string broken = grant;
    broken.insert(broken.rfind("A long description"), "\xC3\x28");
    CHECK(check_same_when_streamed(broken)[0].find("Input is not proper UTF-8") != std::string::npos);
}

TEST_CASE("streamed: a DOCDB document that only its repairs make large is repaired as it is parsed") {
    // 3,000 bytes held whole grow past the 4 KiB threshold once &ap; becomes &#x02248;.
    std::string record = docdb_record(1);
    std::string entities;
    for (int i = 0; i < 400; ++i) entities += "&ap;";
    record.replace(record.find("Valve"), 5, "Valve " + entities);
    GrantFileOptions options;
    options.splitter.stream_threshold = 4096;
    REQUIRE(record.size() < 4096);
    const auto repaired_as_stream = read_events(record, options);
    CHECK(repaired_as_stream == read_events(record));
    REQUIRE(repaired_as_stream.size() == 1);
    CHECK(repaired_as_stream[0].starts_with("read 1.1"));
}

TEST_CASE("streamed: a .xml.gz read through its decompressor, whole or cut short") {
    const auto dir = std::filesystem::temp_directory_path() / ("patsub-streamed-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string week;
    for (int i = 0; i < 6; ++i) {
        UsGrantParts parts;
        parts.number = std::to_string(7100000 + i);
        if (i % 2 == 0) parts.description = big_description(30000);
        week += us_grant(parts);
    }
    const std::string file = week + docdb_bulk(600);
    write_gzip(dir / "week.xml.gz", file);
    EventLog whole;
    read_grant_file(dir / "week.xml.gz", whole);
    CHECK(whole.records == 606);
    for (const std::size_t chunk : kChunks) {
        CAPTURE(chunk);
        EventLog streamed;
        read_grant_file(dir / "week.xml.gz", streamed, streaming(chunk));
        CHECK(streamed.events == whole.events);
    }

    // Cut inside the DOCDB bulk file (the last document, streamed): the records before the
    // cut are read, and the failure is that document's, refused once.
    std::ifstream in(dir / "week.xml.gz", std::ios::binary);
    std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(dir / "cut.xml.gz", std::ios::binary).write(gz.data(), static_cast<std::streamsize>(gz.size() * 9 / 10));
    for (const std::size_t chunk : kChunks) {
        CAPTURE(chunk);
        EventLog cut;
        const GrantFileSummary summary = read_grant_file(dir / "cut.xml.gz", cut, streaming(chunk));
        REQUIRE(cut.events.size() > 7);
        CHECK(cut.events.back().find("refused 7.0 line 0:0") == 0);
        CHECK(cut.events.back().find("truncated") != std::string::npos);
        CHECK(summary.documents == 7);
        CHECK(summary.refused == 1);
        CHECK(summary.read == cut.records);
        CHECK(cut.records > 6 + 100);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("streamed: a plain source that breaks inside a streamed document is a file-level failure") {
    // What a source throws is not a refusal (only decompressors' errors are): the
    // documents before the break and the streamed document's records read so far are
    // delivered, then read_grant_source throws it, as it does when the break falls
    // between documents.

    const std::string first = us_grant();
    const std::string file = first + docdb_bulk(200, true);
    for (const std::size_t chunk : kChunks) {
        CAPTURE(chunk);
        PieceSource source(file, std::string::npos, first.size() + 60000);
        EventLog log;
        CHECK_THROWS_WITH_AS(read_grant_source(source, "inbox.xml", log, streaming(chunk)), "source broke",
                             std::runtime_error);
        REQUIRE(log.events.size() > 2);
        CHECK(log.events[0].starts_with("read 1.1"));
        CHECK(log.events[1].starts_with("read 2.1 "));
        CHECK(log.records < 201);
    }
}

TEST_CASE("streamed: a large DOCDB bulk file is read record by record, none held back") {
    // 20,000 records, about 50 MB, produced as they are read: the test holds none of it.
    constexpr int kRecords = 20000;
    GeneratedBulkSource source(kRecords);
    EventLog log;
    const GrantFileSummary summary = read_grant_source(source, "bulk.xml", log);
    CHECK(source.produced() > (std::size_t{45} << 20));
    CHECK(summary.documents == 1);
    CHECK(summary.read == kRecords);
    CHECK(summary.refused == 0);
    REQUIRE(log.records == kRecords);
    CHECK(log.events.front().find("read 1.1 line 4 docdb EP3000000 A1") == 0);
    CHECK(log.events[12999].find("read 1.13000 line 64999 docdb EP3012999 A1") == 0);
    // Past line 65535 libxml2 (XML_PARSE_BIG_LINES) reports some element lines one too
    // high, held whole or streamed alike: only the record is checked there.
    CHECK(log.events.back().find("read 1.20000 line ") == 0);
    CHECK(log.events.back().find(" docdb EP3019999 A1 ") != std::string::npos);
}

}  // namespace patsub::xml::test

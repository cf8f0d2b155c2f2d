// A DOCDB bulk document cut into its records while it streams (bulk_record_cutter.h) and
// the records parsed on worker threads (parallel_records.h): the cutter cuts only
// between records, never inside one, a comment, a CDATA section or an attribute value,
// and every record document carries the root's namespace declarations; and the split
// reading tells the sink exactly what the one-document reading tells it, for clean
// files and for every kind of trouble that makes it hand the rest back.
#include "parsers/xml/grant_file_reader.h"
#include "parsers/xml/split/bulk_record_cutter.h"
#include "parsers/xml/split/parallel_records.h"

#include "xml_test_support.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace patsub::xml::test {
namespace {

class Threads {
public:
    explicit Threads(const char* count) {
        if (const char* old = std::getenv("PATSUB_PARSE_THREADS")) old_ = old;
        ::setenv("PATSUB_PARSE_THREADS", count, 1);
    }
    ~Threads() {
        if (old_) ::setenv("PATSUB_PARSE_THREADS", old_->c_str(), 1);
        else ::unsetenv("PATSUB_PARSE_THREADS");
    }
    Threads(const Threads&) = delete;
    Threads& operator=(const Threads&) = delete;

private:
    std::optional<std::string> old_;
};

class EventLog final : public DocumentSink {
public:
    std::vector<std::string> events;

    void on_document(RawDocument&& d, int index) override {
        std::string e = "read " + std::to_string(index) + "." + std::to_string(d.record) + " line " +
                        std::to_string(d.line) + " " + d.office + d.number + " " + d.kind + " [" + d.title + "] " +
                        d.family_id;
        for (const RawParty& p : d.patentees) e += " {" + p.name + "|" + p.country + "}";
        events.push_back(std::move(e));
    }
    void on_refused(DocumentProblem p) override {
        events.push_back("refused " + std::to_string(p.document_index) + "." + std::to_string(p.record) + " line " +
                         std::to_string(p.line) + ":" + std::to_string(p.column) + " " + p.cause);
    }
    void on_skipped(int index, long line, std::string why) override {
        events.push_back("skipped " + std::to_string(index) + " line " + std::to_string(line) + " " + why);
    }
};

// One record on one line, as EPO writes them (indented), with an ISO entity to repair.
std::string record(int i, std::string_view inside = {}) {
    const std::string n = std::to_string(4000000 + i);
    return "    <exch:exchange-document country=\"EP\" doc-number=\"" + n + "\" kind=\"B1\" family-id=\"" +
           std::to_string(7000 + i) + "\"><exch:bibliographic-data><exch:publication-reference data-format=\"docdb\">"
           "<document-id><country>EP</country><doc-number>" + n + "</doc-number><kind>B1</kind><date>20210427</date>"
           "</document-id></exch:publication-reference><exch:parties><exch:applicants><exch:applicant sequence=\"1\" "
           "data-format=\"docdb\"><exch:applicant-name><name>KO&SACUTE;NIK " + n + "</name></exch:applicant-name>"
           "</exch:applicant></exch:applicants></exch:parties><exch:invention-title lang=\"en\">Valve " + n +
           std::string(inside) + "</exch:invention-title></exch:bibliographic-data></exch:exchange-document>\n";
}

constexpr std::string_view kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><!DOCTYPE exch:exchange-documents SYSTEM "
    "\"docdb-entities.dtd\"><exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\" "
    "date-of-exchange=\"20210427\">";

// `records` records, the first on the head's line as in EPO's files; `change` may edit
// each record's text (by its number) before it is added.
std::string bulk(int records, const std::function<void(int, std::string&)>& change = {}) {
    std::string s(kHead);
    for (int i = 0; i < records; ++i) {
        std::string r = record(i);
        if (i == 0) r.erase(0, 4);
        if (change) change(i, r);
        s += r;
    }
    return s + "</exch:exchange-documents>\n";
}

// A streamed reading (tiny threshold) on one thread and on two; with `fail_after`, the
// source throws once it has given that many bytes, and so must each reading.
struct Readings {
    std::vector<std::string> one, two;
};
Readings read_both(const std::string& bytes, std::size_t fail_after = std::string::npos) {
    GrantFileOptions options;
    options.splitter.stream_threshold = 1024;
    options.splitter.chunk_size = 4096;
    Readings r;
    for (const char* threads : {"1", "2"}) {
        Threads scope(threads);
        PieceSource source(bytes, std::string::npos, fail_after);
        EventLog log;
        if (fail_after == std::string::npos)
            read_grant_source(source, "bulk.xml", log, options);
        else
            CHECK_THROWS_WITH_AS(read_grant_source(source, "bulk.xml", log, options), "source broke", std::runtime_error);
        (threads[0] == '1' ? r.one : r.two) = std::move(log.events);
    }
    if (r.one != r.two) {
        MESSAGE("one: " << r.one.size() << " events, two: " << r.two.size());
        for (std::size_t i = 0; i < std::min(r.one.size(), r.two.size()); ++i)
            if (r.one[i] != r.two[i]) {
                MESSAGE("first difference, one: " << r.one[i].substr(0, 300) << "\ntwo: " << r.two[i].substr(0, 300));
                break;
            }
    }
    return r;
}

// The split reading tells the sink what the one-document reading tells it, with one
// allowance: before a document-level refusal, libxml2's reader (one document) may not
// have reported the end of the last record or two before the break, because it reads
// 512 bytes ahead and the error comes first; split, those complete records are handed
// on. The refusal itself, its line and message, and every other event are the same.
bool same_but_records_before_the_break(const Readings& r) {
    if (r.one == r.two) return true;
    if (r.one.empty() || r.two.size() <= r.one.size() || r.one.back() != r.two.back()) return false;
    if (!std::equal(r.one.begin(), r.one.end() - 1, r.two.begin())) return false;
    for (std::size_t i = r.one.size() - 1; i + 1 < r.two.size(); ++i) {
        if (!r.two[i].starts_with("read ")) return false;
        MESSAGE("split reading also hands on: " << r.two[i].substr(0, 40));
    }
    return r.two.size() - r.one.size() <= 2;
}

// The cuts of `bytes`: each chunk's first line and how the cutting ended.
struct Cuts {
    std::vector<std::string> chunks;
    std::vector<long> lines;
    BulkRecordCutter::Cut last = BulkRecordCutter::Cut::unsure;
    bool opened = false;
    std::string rest;
};
Cuts cut(const std::string& bytes, std::size_t piece = 7) {
    PieceSource source(bytes, piece);
    BulkRecordCutter cutter(source);
    Cuts c;
    c.opened = cutter.open();
    if (!c.opened) return c;
    BulkRecordChunk chunk;
    while ((c.last = cutter.next(chunk)) == BulkRecordCutter::Cut::record) {
        c.chunks.emplace_back(chunk.bytes);
        c.lines.push_back(chunk.line);
    }
    char buffer[4096];
    while (const std::size_t n = cutter.remainder().read(buffer, sizeof buffer)) c.rest.append(buffer, n);
    return c;
}

}  // namespace

TEST_CASE("bulk cutter: whole lines, one record each, the first after the root start tag") {
    const std::string b = bulk(5);
    const Cuts c = cut(b);
    REQUIRE(c.opened);
    REQUIRE(c.chunks.size() == 5);
    CHECK(c.last == BulkRecordCutter::Cut::end);
    CHECK(c.lines == std::vector<long>{1, 2, 3, 4, 5});
    CHECK(c.chunks[0].starts_with("<exch:exchange-document country=\"EP\" doc-number=\"4000000\""));
    CHECK(c.chunks[1] == record(1));
    std::string joined(kHead);
    for (const auto& chunk : c.chunks) joined += chunk;
    CHECK(joined + "</exch:exchange-documents>\n" == b);
}

TEST_CASE("bulk cutter: never inside a comment, CDATA section, processing instruction or attribute value") {
    const std::string b = bulk(4, [](int i, std::string& r) {
        if (i == 1) r.insert(r.find("</exch:invention-title>"), "<!-- </exch:exchange-document>\n -->");
        if (i == 2) r.insert(r.find("</exch:invention-title>"), "<![CDATA[</exch:exchange-document>\n]]><?pi </exch:exchange-document>\n?>");
        if (i == 3) r.insert(r.find(" kind="), " note=\"a > b\"");
    });
    const Cuts c = cut(b);
    REQUIRE(c.chunks.size() == 4);
    CHECK(c.last == BulkRecordCutter::Cut::end);
    CHECK(c.chunks[1].find("<!-- </exch:exchange-document>\n -->") != std::string::npos);
    CHECK(c.chunks[2].find("]]><?pi") != std::string::npos);
    CHECK(c.lines == std::vector<long>{1, 2, 4, 7});
}

TEST_CASE("bulk cutter: stops, handing the rest back whole, wherever it is not sure") {
    // Something between records, two records on one line, text after the root, a record
    // with another prefix, a root that is not a bulk root, another encoding.
    const std::vector<std::pair<std::string, std::size_t>> cases = {
        {bulk(4, [](int i, std::string& r) { if (i == 2) r.insert(0, "<!-- between -->\n"); }), 2},
        {bulk(4, [](int i, std::string& r) { if (i == 1) r.pop_back(); }), 1},
        {bulk(3) + "trailing", 3},
        {bulk(4, [](int i, std::string& r) { if (i == 3) r.replace(r.find("<exch:"), 6, "<ex:"); }), 3},
    };
    for (const auto& [bytes, cut_before] : cases) {
        const Cuts c = cut(bytes);
        REQUIRE(c.opened);
        CHECK(c.last == BulkRecordCutter::Cut::unsure);
        CHECK(c.chunks.size() == cut_before);
        // What was cut and what is handed back are the document after the head, unchanged.
        std::string joined(kHead);
        for (const auto& chunk : c.chunks) joined += chunk;
        CHECK(joined + c.rest == bytes);
    }
    CHECK_FALSE(cut("<?xml version=\"1.0\"?><exch:exchange-document/>").opened);
    std::string latin = bulk(2);
    latin.replace(latin.find("UTF-8"), 5, "ISO-8859-1");
    const Cuts l = cut(latin);
    CHECK_FALSE(l.opened);
}

// What a reading of a record document finds without parsing it: each record's number,
// and its line in the record document.
void outcomes_of(std::string_view document, std::vector<RecordOutcome>& outcomes) {
    for (auto at = document.find("<exch:exchange-document "); at != std::string_view::npos;
         at = document.find("<exch:exchange-document ", at + 1)) {
        RecordOutcome& o = outcomes.emplace_back();
        o.kind = RecordOutcome::Kind::record;
        const auto number = document.find("doc-number=\"", at) + 12;
        o.document.number = std::string(document.substr(number, 7));
        o.document.line = 1 + static_cast<long>(std::count(document.begin(), document.begin() + static_cast<long>(at), '\n'));
    }
}

TEST_CASE("split reading: records parsed on several threads reach the sink in order") {
    const std::string b = bulk(900);
    MemoryByteSource source(b);
    BulkRecordCutter cutter(source);
    REQUIRE(cutter.open());
    std::mutex mutex;
    std::condition_variable second_thread;
    std::set<std::thread::id> threads;
    std::vector<std::string> seen;
    std::set<std::size_t> sizes;  // records in a record document
    // Each record holds 8 '=': a document holds two (16), not three (24).
    const BulkSplitStop stop = read_bulk_records(
        cutter, 2, RecordDocumentShape{{}, 20, 1 << 20},
        [&](std::string_view document, std::size_t records, std::vector<RecordOutcome>& outcomes) {
            {
                // The first record waits (10 s at most) for the other worker to start on
                // a later batch: on a busy machine one worker could otherwise take them all.
                std::unique_lock lock(mutex);
                threads.insert(std::this_thread::get_id());
                sizes.insert(records);
                second_thread.notify_all();
                if (document.find("doc-number=\"4000000\"") != std::string_view::npos)
                    second_thread.wait_for(lock, std::chrono::seconds(10), [&] { return threads.size() > 1; });
            }
            // Every record document is the head, its records and the root end tag.
            CHECK(document.starts_with(kHead));
            CHECK(document.ends_with("</exch:exchange-document>\n</exch:exchange-documents>"));
            outcomes_of(document, outcomes);
            return true;
        },
        [&](RecordOutcome&& o) { seen.push_back(o.document.number + "@" + std::to_string(o.document.line)); });
    CHECK(stop.complete);
    REQUIRE(seen.size() == 900);
    for (int i = 0; i < 900; ++i) CHECK(seen[static_cast<std::size_t>(i)] == std::to_string(4000000 + i) + "@" + std::to_string(i + 1));
    CHECK(threads.size() == 2);
    CHECK(threads.count(std::this_thread::get_id()) == 0);
    CHECK(sizes.count(2) == 1);
    CHECK(*sizes.rbegin() == 2);
}

TEST_CASE("split reading: the first unclean record document hands back its first record and everything after") {
    const std::string b = bulk(700);
    MemoryByteSource source(b);
    BulkRecordCutter cutter(source);
    REQUIRE(cutter.open());
    int delivered = 0;
    // Records 500 and 501 share a record document (two to a document, as above); 501 is
    // unclean, so 500 is handed back with it.
    BulkSplitStop stop = read_bulk_records(
        cutter, 2, RecordDocumentShape{{}, 20, 1 << 20},
        [&](std::string_view document, std::size_t, std::vector<RecordOutcome>& outcomes) {
            if (document.find("doc-number=\"4000501\"") != std::string_view::npos) return false;
            outcomes_of(document, outcomes);
            return true;
        },
        [&](RecordOutcome&&) { ++delivered; });
    CHECK_FALSE(stop.complete);
    CHECK(delivered == 500);
    CHECK(stop.line == 501);
    CHECK_FALSE(stop.first);
    std::string rest = stop.held;
    char buffer[4096];
    while (const std::size_t n = cutter.remainder().read(buffer, sizeof buffer)) rest.append(buffer, n);
    CHECK(rest == b.substr(b.find(record(500))));
}

TEST_CASE("split and unsplit reading of a DOCDB bulk document give the same records and refusals") {
    SUBCASE("clean, more records than a batch, exch: declared on the root only") {
        const Readings r = read_both(bulk(700));
        CHECK(r.one.size() == 700);
        CHECK(r.one == r.two);
        CHECK(r.one[0].starts_with("read 1.1 line 1 EP4000000 B1 [Valve 4000000] 7000 {KOŚNIK 4000000|}"));
        CHECK(r.one[699].starts_with("read 1.700 line 700 EP4000699"));
    }
    SUBCASE("exch: undeclared, repaired on the head and on every record") {
        std::string b = bulk(300);
        b.erase(b.find(" xmlns:exch=\"http://www.epo.org/exchange\""), 41);
        const Readings r = read_both(b);
        CHECK(r.one.size() == 300);
        CHECK(r.one == r.two);
    }
    SUBCASE("a namespace declared on the root reaches every record") {
        std::string b = bulk(300, [](int i, std::string& r) {
            if (i % 3 == 0) r.insert(r.find("</exch:bibliographic-data>"), "<x:note>n</x:note>");
        });
        b.insert(b.find(" date-of-exchange"), " xmlns:x=\"urn:x\"");
        const Readings r = read_both(b);
        CHECK(r.one.size() == 300);
        CHECK(r.one == r.two);
    }
    SUBCASE("a record refused alone (no publication number) does not stop the split reading") {
        const Readings r = read_both(bulk(400, [](int i, std::string& r) {
            if (i % 50 != 7) return;
            r.replace(r.find("<doc-number>"), 12, "<doc-numbr>").replace(r.find("</doc-number>"), 13, "</doc-numbr>");
            const auto attribute = r.find(" doc-number=\"");
            r.erase(attribute, r.find('"', attribute + 13) + 1 - attribute);
        }));
        CHECK(r.one.size() == 400);
        CHECK(std::count_if(r.one.begin(), r.one.end(), [](const std::string& e) { return e.starts_with("refused 1."); }) == 8);
        CHECK(r.one == r.two);
    }
    SUBCASE("a broken record: the records before it, then the document refused at its line") {
        const Readings r = read_both(bulk(600, [](int i, std::string& r) {
            if (i == 450) r.replace(r.find("</exch:invention-title>"), 23, "</exch:invention-titel>");
        }));
        REQUIRE(r.one.size() == 451);
        CHECK(r.one.back().starts_with("refused 1.0 line 451:"));
        CHECK(r.one.back().find("mismatch") != std::string::npos);
        CHECK(same_but_records_before_the_break(r));
    }
    SUBCASE("an undeclared prefix, an unknown entity and a markup bound in late records") {
        std::string many_attributes = "<b";
        for (int k = 0; k < 300; ++k) many_attributes += " a" + std::to_string(k) + "=\"1\"";
        many_attributes += "/>";
        for (const std::string& bad : std::vector<std::string>{"<y:z/>", "&nosuchentity;", many_attributes}) {
            CAPTURE(bad);
            const Readings r = read_both(bulk(500, [&](int i, std::string& r) {
                if (i == 333) r.insert(r.find("</exch:invention-title>"), bad);
            }));
            REQUIRE(r.one.size() >= 300);
            CHECK(r.one.back().starts_with("refused 1.0 line 334"));
            CHECK(same_but_records_before_the_break(r));
        }
    }
    SUBCASE("what the cutter is not sure of is read as one, with the same outcome") {
        for (const auto& change : std::vector<std::function<void(int, std::string&)>>{
                 [](int i, std::string& r) { if (i == 200) r.insert(0, "<!-- between -->\n"); },
                 [](int i, std::string& r) { if (i == 200) r.pop_back(); },
                 [](int i, std::string& r) { if (i == 200) r.insert(0, "stray text\n"); },
                 [](int i, std::string& r) { if (i == 200) r.insert(r.find("</exch:invention-title>"), "<![CDATA[</exch:exchange-document>\n]]>"); },
             }) {
            const Readings r = read_both(bulk(300, change));
            CHECK(r.one.size() >= 200);
            CHECK(same_but_records_before_the_break(r));
        }
        const Readings tail = read_both(bulk(300) + "<after/>\n");
        CHECK(tail.one.back().starts_with("refused 1.0 line 302"));
        CHECK(same_but_records_before_the_break(tail));
    }
    SUBCASE("a head that is itself broken refuses the document as read whole") {
        std::string b = bulk(300);
        b.insert(b.find(" date-of-exchange"), " date-of-exchange=\"1\"");
        const Readings r = read_both(b);
        REQUIRE(r.one.size() == 1);
        CHECK(r.one[0].find("Attribute date-of-exchange redefined") != std::string::npos);
        CHECK(r.one == r.two);
    }
    SUBCASE("an internal subset: its entities reach every record (the head is kept whole)") {
        std::string b = bulk(300, [](int i, std::string& r) {
            if (i % 7 == 0) r.insert(r.find("</exch:invention-title>"), " &office;");
        });
        b.insert(b.find("\"docdb-entities.dtd\">") + 20, " [<!ENTITY office \"EPO\">]");
        const Readings r = read_both(b);
        REQUIRE(r.one.size() == 1);  // the entity is refused unexpanded, whole or split
        CHECK(r.one == r.two);
    }
    SUBCASE("a source that fails after an unclean record: the records between are read too") {
        // Record 100 is too large to be repaired as a record document of its own (the
        // stream threshold here is 1 KiB), so the split reading hands it and what follows
        // to the one-document reading; the source then fails in record 300. Both readings
        // deliver the records up to the failure, then throw it.
        const std::string b = bulk(400, [](int i, std::string& r) {
            if (i == 100) r.insert(r.find("</exch:invention-title>"), std::string(1500, 'z'));
        });
        const Readings r = read_both(b, b.find(record(300)) + 100);
        CHECK(r.one.size() >= 298);
        REQUIRE(r.two.size() >= r.one.size());
        CHECK(r.two.size() <= 300);
        CHECK(std::equal(r.one.begin(), r.one.end(), r.two.begin()));
    }
    SUBCASE("the real DOCDB bulk sample (the first record on the head's line)") {
        const std::string real = read_file(std::filesystem::path(PATSUB_SHARED_DIR) / "samples-real/epo-docdb/DE-backfile.xml");
        const Readings r = read_both(real);
        CHECK(r.one.size() == 10);
        CHECK(r.one == r.two);
    }
}

}  // namespace patsub::xml::test

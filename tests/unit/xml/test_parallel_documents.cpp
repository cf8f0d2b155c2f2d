// Documents parsed on worker threads (parallel_documents.h) must reach the sink exactly as
// the one-thread loop hands them on: same order, same lines, same refusals, same counts,
// and the same behaviour when the source or the sink fails halfway.
#include "parsers/xml/split/parallel_documents.h"

#include "xml_test_support.h"

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace patsub::xml::test {

namespace {

// Sets PATSUB_PARSE_THREADS for one scope.
class ParseThreads {
public:
    explicit ParseThreads(const char* count) {
        if (const char* old = std::getenv("PATSUB_PARSE_THREADS")) old_ = old;
        ::setenv("PATSUB_PARSE_THREADS", count, 1);
    }
    ~ParseThreads() {
        if (old_) ::setenv("PATSUB_PARSE_THREADS", old_->c_str(), 1);
        else ::unsetenv("PATSUB_PARSE_THREADS");
    }
    ParseThreads(const ParseThreads&) = delete;
    ParseThreads& operator=(const ParseThreads&) = delete;

private:
    std::optional<std::string> old_;
};

// One line per sink call, in the order of the calls.
class LoggingSink final : public DocumentSink {
public:
    std::vector<std::string> log;
    std::size_t throw_at = 0;  // > 0: the call with this 1-based number throws

    void on_document(RawDocument&& d, int index) override {
        add("document " + std::to_string(index) + " " + d.number + " " + d.title + " line " + std::to_string(d.line));
    }
    void on_refused(DocumentProblem p) override {
        add("refused " + std::to_string(p.document_index) + " line " + std::to_string(p.line) + ":" +
            std::to_string(p.column) + " " + p.cause);
    }
    void on_skipped(int index, long line, std::string why) override {
        add("skipped " + std::to_string(index) + " line " + std::to_string(line) + " " + why);
    }

private:
    void add(std::string entry) {
        log.push_back(std::move(entry));
        if (log.size() == throw_at) throw std::runtime_error("sink gave up");
    }
};

// A weekly file in miniature, but large enough for several batches: grants, broken
// grants, grants without a number, sequence listings and a large document.
std::string mixed_week(int count) {
    std::string all;
    for (int i = 0; i < count; ++i) {
        UsGrantParts parts;
        parts.number = std::to_string(9000000 + i);
        parts.title = "Grant number " + std::to_string(i);
        if (i % 97 == 13) {
            parts.description = "<p id=\"p-0001\" num=\"0001\">unclosed <b>bold</p>\n";  // malformed
        } else if (i % 89 == 7) {
            parts.publication_reference = false;  // no publication number
        } else if (i == count / 2) {
            // Larger than what goes to the workers: read on the calling thread, in turn.
            std::string big;
            while (big.size() < (std::size_t{9} << 20)) big += "<p num=\"0002\">A long description paragraph.</p>\n";
            parts.description = big;
        }
        all += us_grant(parts);
        if (i % 101 == 50)
            all += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sequence-cwu SYSTEM \"x.dtd\" [ ]>\n"
                   "<sequence-cwu><s-seq-data>acgt</s-seq-data></sequence-cwu>\n";
    }
    return all;
}

struct Outcome {
    std::vector<std::string> log;
    GrantFileSummary summary;
    std::string failure;
};

Outcome read_with(const char* threads, const std::string& bytes, std::size_t sink_throws_at = 0) {
    ParseThreads scope(threads);
    MemoryByteSource source(bytes);
    LoggingSink sink;
    sink.throw_at = sink_throws_at;
    Outcome out;
    try {
        out.summary = read_grant_source(source, "week.xml", sink);
    } catch (const std::exception& e) {
        out.failure = e.what();
    }
    out.log = std::move(sink.log);
    return out;
}


}  // namespace

TEST_CASE("PATSUB_PARSE_THREADS chooses the number of parsing threads, within bounds") {
    {
        ParseThreads scope("1");
        CHECK(parse_threads() == 1);
    }
    {
        ParseThreads scope("3");
        CHECK(parse_threads() == 3);
    }
    for (const char* nonsense : {"0", "-2", "17", "two", "2x"}) {
        ParseThreads scope(nonsense);
        CAPTURE(nonsense);
        CHECK(parse_threads() >= 1);
        CHECK(parse_threads() <= 4);
    }
}

TEST_CASE("documents read on worker threads reach the sink in file order, exactly as on one thread") {
    const std::string week = mixed_week(2500);
    const Outcome one = read_with("1", week);
    const Outcome three = read_with("3", week);
    REQUIRE(one.failure.empty());
    REQUIRE(three.failure.empty());
    // Every kind of outcome is there, so the comparison means something.
    const auto count = [&](std::string_view prefix) {
        return std::count_if(one.log.begin(), one.log.end(), [&](const std::string& s) { return s.starts_with(prefix); });
    };
    CHECK(count("document ") > 2000);
    CHECK(count("refused ") > 40);
    CHECK(count("skipped ") > 20);
    CHECK(one.log == three.log);
    CHECK(one.summary.documents == three.summary.documents);
    CHECK(one.summary.read == three.summary.read);
    CHECK(one.summary.refused == three.summary.refused);
    CHECK(one.summary.skipped == three.summary.skipped);
    CHECK(three.summary.documents == static_cast<int>(three.log.size()));
}

TEST_CASE("a source that breaks halfway still delivers, in order, every document read before the break") {
    const std::string week = mixed_week(600);
    const std::size_t cut = week.size() * 2 / 3;
    const auto read_broken = [&](const char* threads) {
        ParseThreads scope(threads);
        PieceSource source(week, std::string::npos, cut);
        LoggingSink sink;
        CHECK_THROWS_WITH(read_grant_source(source, "week.xml", sink), "source broke");
        return sink.log;
    };
    const auto one = read_broken("1");
    const auto two = read_broken("2");
    CHECK(one.size() > 300);
    CHECK(one == two);
}

TEST_CASE("a sink that throws stops the reading at that document, with the threads shut down") {
    const std::string week = mixed_week(1500);
    const Outcome one = read_with("1", week, 700);
    const Outcome two = read_with("2", week, 700);
    CHECK(one.failure == "sink gave up");
    CHECK(two.failure == "sink gave up");
    CHECK(two.log.size() == 700);
    CHECK(one.log == two.log);
}

}  // namespace patsub::xml::test

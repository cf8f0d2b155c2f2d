// Compressed inbox files (.xml.gz, .zip): archives are built here, at test time, with
// zlib's and libzip's writing APIs, so every case states exactly the bytes it reads.
#include "parsers/grant_file.h"
#include "parsers/xml/input/compression_sniffer.h"
#include "parsers/xml/input/gzip_byte_source.h"
#include "xml_test_support.h"

#include <sys/resource.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <sstream>

using namespace patsub::xml;
using namespace patsub::xml::test;

namespace {

// A fresh directory per test case, removed afterwards.
class TempDir {
public:
    TempDir() {
        static int n = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("patsub-compressed-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}


std::string sample(const std::string& name) { return read_file(std::filesystem::path(PATSUB_SOURCE_DIR) / "samples/inbox/grants" / name); }

// One gzip member (RFC 1952) holding `repeat` copies of `piece`, deflated in one pass so
// that a member expanding to gigabytes never exists uncompressed.
std::string gzip_member(std::string_view piece, std::size_t repeat = 1, int level = Z_DEFAULT_COMPRESSION) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out;
    std::string buffer(std::size_t{1} << 16, '\0');
    for (std::size_t i = 0; i < repeat; ++i) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
        z.avail_in = static_cast<uInt>(piece.size());
        const int flush = i + 1 == repeat ? Z_FINISH : Z_NO_FLUSH;
        int rc;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer.data());
            z.avail_out = static_cast<uInt>(buffer.size());
            rc = deflate(&z, flush);
            REQUIRE(rc != Z_STREAM_ERROR);
            out.append(buffer.data(), buffer.size() - z.avail_out);
        } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
    }
    deflateEnd(&z);
    return out;
}

// A zip written with libzip: members in the order given; a name ending in '/' is a
// directory.
void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& members) {
    int error = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(za != nullptr);
    for (const auto& [name, bytes] : members) {
        if (name.back() == '/') {
            REQUIRE(zip_dir_add(za, name.c_str(), ZIP_FL_ENC_UTF_8) >= 0);
            continue;
        }
        // libzip reads the buffer at zip_close; the strings outlive that call.
        zip_source_t* source = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        REQUIRE(source != nullptr);
        REQUIRE(zip_file_add(za, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(za) == 0);
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string concatenated_us_grants(int count) {
    std::string all;
    for (int i = 0; i < count; ++i) {
        UsGrantParts parts;
        parts.number = std::to_string(7000000 + i);
        all += us_grant(parts);
    }
    return all;
}

struct Collected {
    CollectingSink sink;
    GrantFileSummary summary;
    std::vector<std::string> members;
};

class MemberRecordingSink final : public DocumentSink {
public:
    explicit MemberRecordingSink(Collected& c) : c_(c) {}
    void on_document(RawDocument&& d, int index) override { c_.sink.on_document(std::move(d), index); }
    void on_refused(DocumentProblem p) override { c_.sink.on_refused(std::move(p)); }
    void on_skipped(int index, long line, std::string why) override { c_.sink.on_skipped(index, line, std::move(why)); }
    void on_member(std::string_view member) override { c_.members.emplace_back(member); }

private:
    Collected& c_;
};

Collected read_path(const std::filesystem::path& path, const GrantFileOptions& options = {}) {
    Collected c;
    MemberRecordingSink sink(c);
    c.summary = read_grant_file(path, sink, options);
    return c;
}

}  // namespace

TEST_CASE("compression is told by the first bytes, never by the name") {
    CHECK(compression_of("\x1f\x8b\x08\x00") == Compression::gzip);
    CHECK(compression_of(std::string_view("PK\x03\x04", 4)) == Compression::zip);
    CHECK(compression_of(std::string_view("PK\x05\x06", 4)) == Compression::zip);  // archive without members
    CHECK(compression_of("<?xml version") == Compression::none);
    CHECK(compression_of("\xEF\xBB\xBF<?xml") == Compression::none);
    CHECK(compression_of("\x1f") == Compression::none);
    CHECK(compression_of("") == Compression::none);

    TempDir dir;
    const std::string xml = concatenated_us_grants(2);
    // A gzip stream called .xml and plain XML called .zip: both read by what they hold.
    write_file(dir / "renamed.xml", gzip_member(xml));
    write_file(dir / "plain.zip", xml);
    CHECK(sniff_compression(dir / "renamed.xml") == Compression::gzip);
    CHECK(sniff_compression(dir / "plain.zip") == Compression::none);
    for (const char* name : {"renamed.xml", "plain.zip"}) {
        CAPTURE(name);
        auto c = read_path(dir / name);
        REQUIRE(c.sink.documents.size() == 2);
        CHECK(c.sink.documents[0].second.number == "7000000");
        CHECK(c.sink.documents[1].second.number == "7000001");
        CHECK(c.sink.refused.empty());
        CHECK(c.summary.read == 2);
    }
}

TEST_CASE("a .xml.gz weekly file is read as it inflates, including a second gzip member") {
    TempDir dir;
    const std::string first = concatenated_us_grants(3);
    UsGrantParts later;
    later.number = "08000001";
    // `cat a.gz b.gz` is one valid gzip stream (RFC 1952 2.2).
    write_file(dir / "ipg230110.xml.gz", gzip_member(first) + gzip_member(us_grant(later)));
    GrantFileOptions options;
    options.splitter.chunk_size = 4096;  // many reads per member
    auto c = read_path(dir / "ipg230110.xml.gz", options);
    REQUIRE(c.sink.documents.size() == 4);
    CHECK(c.sink.documents[3].first == 4);
    CHECK(c.sink.documents[3].second.number == "08000001");
    CHECK(c.sink.refused.empty());
    CHECK(c.summary.documents == 4);
    CHECK(c.members.empty());  // a gzip file is one stream, not an archive
    // Lines count in the expanded text, as they would in the unpacked file.
    CHECK(c.sink.documents[1].second.line == line_of(first, "<us-patent-grant lang=\"EN\" dtd-version=\"v4.2 2006-08-23\" file=\"US7000001"));
}

TEST_CASE("a truncated gzip stream keeps what was whole and refuses the rest with the reason") {
    TempDir dir;
    const std::string xml = concatenated_us_grants(200);
    const std::string gz = gzip_member(xml);
    write_file(dir / "cut.xml.gz", gz.substr(0, gz.size() * 3 / 4));
    GrantFileOptions options;
    options.splitter.chunk_size = 4096;
    auto c = read_path(dir / "cut.xml.gz", options);
    CHECK(c.sink.documents.size() > 50);   // the documents before the cut
    CHECK(c.sink.documents.size() < 200);  // not the ones after it
    REQUIRE(c.sink.refused.size() == 1);
    CHECK(c.sink.refused[0].cause.find("truncated") != std::string::npos);
    CHECK(c.sink.refused[0].document_index == static_cast<int>(c.sink.documents.size()) + 1);
    CHECK(c.sink.refused[0].file == (dir / "cut.xml.gz").string());
    CHECK(c.summary.refused == 1);
    CHECK(c.summary.documents == static_cast<int>(c.sink.documents.size()) + 1);

    // Only the magic: nothing whole at all.
    write_file(dir / "magic-only.gz", "\x1f\x8b");
    auto m = read_path(dir / "magic-only.gz");
    CHECK(m.sink.documents.empty());
    REQUIRE(m.sink.refused.size() == 1);
    CHECK(m.sink.refused[0].document_index == 1);
}

TEST_CASE("a corrupt gzip stream is refused, never read as short data") {
    TempDir dir;
    std::string gz = gzip_member(concatenated_us_grants(20));
    for (std::size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
    write_file(dir / "corrupt.xml.gz", gz);
    auto c = read_path(dir / "corrupt.xml.gz");
    REQUIRE(c.sink.refused.size() >= 1);
    CHECK(c.sink.refused.back().cause.find("gzip stream: corrupt") != std::string::npos);

    // A wrong CRC in the trailer of an otherwise intact member.
    std::string bad_crc = gzip_member(us_grant());
    bad_crc[bad_crc.size() - 8] = static_cast<char>(bad_crc[bad_crc.size() - 8] ^ 1);
    write_file(dir / "bad-crc.xml.gz", bad_crc);
    auto d = read_path(dir / "bad-crc.xml.gz");
    CHECK(d.sink.documents.empty());
    REQUIRE(d.sink.refused.size() == 1);
    CHECK(d.sink.refused[0].cause.find("gzip stream: corrupt") != std::string::npos);
}

TEST_CASE("a gzip bomb is refused quickly, in bounded memory") {
    TempDir dir;
    // 64 MiB of one byte per member, 128 members: 8 GiB from about 8 MB.
    const std::string mebibyte(std::size_t{1} << 20, ' ');
    const std::string member = gzip_member(mebibyte, 64, Z_BEST_COMPRESSION);
    CHECK(member.size() < (std::size_t{1} << 20));
    {
        std::ofstream out(dir / "bomb.xml.gz", std::ios::binary);
        const std::string head = gzip_member("<?xml version=\"1.0\"?>\n<us-patent-grant>");
        out.write(head.data(), static_cast<std::streamsize>(head.size()));
        for (int i = 0; i < 128; ++i) out.write(member.data(), static_cast<std::streamsize>(member.size()));
    }
    const long rss_before = peak_rss_kib();
    const auto started = std::chrono::steady_clock::now();
    auto c = read_path(dir / "bomb.xml.gz");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(c.sink.documents.empty());
    REQUIRE(c.sink.refused.size() == 1);
    CHECK(c.sink.refused[0].cause.find("zip bomb") != std::string::npos);
    CHECK(c.sink.refused[0].cause.find("ratio above 200:1") != std::string::npos);
    CHECK(seconds < 20.0);
    // The default limits stop it after the 16 MiB ratio floor: far below the 8 GiB.
    CHECK(peak_rss_kib() - rss_before < 256 * 1024);

    // The absolute cap, on its own: a stream of real XML that is simply too large.
    GrantFileOptions options;
    options.expansion.max_expanded_bytes = 64 << 10;
    options.expansion.max_ratio = 0;  // ratio not judged
    write_file(dir / "large.xml.gz", gzip_member(concatenated_us_grants(40)));
    auto large = read_path(dir / "large.xml.gz", options);
    REQUIRE(large.sink.refused.size() == 1);
    CHECK(large.sink.refused[0].cause.find("beyond the cap of 65536 bytes") != std::string::npos);
}

TEST_CASE("GzipByteSource serves exactly the bytes that were compressed") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "line " + std::to_string(i) + " 专利\n";
    MemoryByteSource compressed(gzip_member(text) + gzip_member("tail"));
    GzipByteSource source(compressed, "test stream");
    std::string out;
    char buffer[777];
    for (std::size_t n; (n = source.read(buffer, sizeof buffer)) > 0;) out.append(buffer, n);
    CHECK(out == text + "tail");
    CHECK(source.expanded_bytes() == out.size());
    CHECK(source.read(buffer, sizeof buffer) == 0);  // stays at the end

    MemoryByteSource trailing_garbage(gzip_member("x") + "not gzip");
    GzipByteSource bad(trailing_garbage, "test stream");
    const auto drain = [&] {
        while (bad.read(buffer, sizeof buffer) > 0) {
        }
    };
    CHECK_THROWS_AS(drain(), CompressedInputError);
}

TEST_CASE("a CNIPA zip delivery: every XML member read as archive.zip!member, the rest skipped") {
    TempDir dir;
    const std::string a = "CN102021000358642CN00001130612340BFULZH20230317CN00K.XML";
    const std::string b = "CN202022000456789CN00002173456780UFULZH20220805CN00P.XML";
    const std::string g = "CN202017000934518CN00002074123450UFULZH20180302CN00H.XML";
    write_zip(dir / "delivery.bin", {{"2023/", ""},
                                     {"2023/" + a, sample(a)},
                                     {"2023/" + b, sample(b)},
                                     {"2023/" + g, sample(g)},
                                     {"2023/drawing.tif", std::string("II*\0\x08\0\0\0", 8) + std::string(100, '\x01')},
                                     {"2023/empty.xml", ""}});
    auto c = read_path(dir / "delivery.bin");
    CHECK(c.members == std::vector<std::string>{"2023/", "2023/" + a, "2023/" + b, "2023/" + g, "2023/drawing.tif",
                                                "2023/empty.xml"});
    REQUIRE(c.sink.documents.size() == 3);
    for (const auto& [index, doc] : c.sink.documents) CHECK(index == 1);  // each member counts from 1
    CHECK(c.sink.documents[0].second.number == "113061234");
    CHECK(c.sink.documents[0].second.kind == "B");
    CHECK(c.sink.documents[1].second.number == "217345678");
    CHECK(c.sink.documents[2].second.number == "207412345");
    CHECK(c.sink.refused.empty());
    REQUIRE(c.sink.skipped.size() == 3);
    CHECK(c.sink.skipped[0].why.find("directory") != std::string::npos);
    CHECK(c.sink.skipped[1].why.find("not XML") != std::string::npos);
    CHECK(c.sink.skipped[1].why.find("II*") != std::string::npos);
    CHECK(c.sink.skipped[2].why.find("empty") != std::string::npos);
    CHECK(c.summary.documents == 6);
    CHECK(c.summary.read == 3);
    CHECK(c.summary.skipped == 3);
}

TEST_CASE("read_grants names each zip member's grants and problems archive.zip!member") {
    TempDir dir;
    const std::string a = "CN102021000358642CN00001130612340BFULZH20230317CN00K.XML";
    std::string broken = sample(a);
    broken.resize(broken.size() / 2);
    write_zip(dir / "d.zip", {{"ok/" + a, sample(a)}, {"bad/broken.xml", broken}, {"us/ipg230110.xml", sample("ipg230110.xml")}});

    struct Handler : patsub::GrantHandler {
        std::vector<patsub::Grant> grants;
        std::vector<patsub::DocumentProblem> problems;
        std::vector<std::string> members;
        void on_grant(patsub::Grant&& g) override { grants.push_back(std::move(g)); }
        void on_problem(const patsub::DocumentProblem& p) override { problems.push_back(p); }
        void on_member(const std::string& shown) override { members.push_back(shown); }
    } handler;
    const auto tally = patsub::read_grants(dir / "d.zip", "grants/d.zip", handler);
    REQUIRE(handler.grants.size() == 4);
    CHECK(handler.grants[0].source.file == "grants/d.zip!ok/" + a);
    CHECK(handler.grants[0].source.document == 1);
    CHECK(handler.grants[1].source.file == "grants/d.zip!us/ipg230110.xml");
    CHECK(handler.grants[3].source.file == "grants/d.zip!us/ipg230110.xml");
    CHECK(handler.grants[3].source.document == 3);  // the weekly file's third document
    REQUIRE(handler.problems.size() == 1);
    CHECK(handler.problems[0].file == "grants/d.zip!bad/broken.xml");
    CHECK(handler.members == std::vector<std::string>{"grants/d.zip!ok/" + a, "grants/d.zip!bad/broken.xml",
                                                      "grants/d.zip!us/ipg230110.xml"});
    CHECK(tally.documents == 5);
    CHECK(tally.grants == 4);
    CHECK(tally.refused == 1);
}

TEST_CASE("a zip bomb is refused from its declared sizes, before anything is inflated") {
    TempDir dir;
    const std::string zeros(std::size_t{64} << 20, '\0');
    write_zip(dir / "bomb.zip", {{"a.xml", sample("CN111398765B.xml")}, {"bomb.xml", zeros}, {"z.xml", sample("CN115061872A.xml")}});
    const long rss_before = peak_rss_kib();
    const auto started = std::chrono::steady_clock::now();
    auto c = read_path(dir / "bomb.zip");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(seconds < 5.0);
    CHECK(peak_rss_kib() - rss_before < 64 * 1024);
    // The members beside the bomb are still read.
    REQUIRE(c.sink.documents.size() == 2);
    REQUIRE(c.sink.refused.size() == 1);
    CHECK(c.sink.refused[0].file == (dir / "bomb.zip").string() + "!bomb.xml");
    CHECK(c.sink.refused[0].cause.find("declared sizes") != std::string::npos);
    CHECK(c.sink.refused[0].cause.find("zip bomb") != std::string::npos);

    // The archive's members together: each under the cap, the sum over it.
    const std::string doc = concatenated_us_grants(10);
    GrantFileOptions options;
    options.expansion.max_expanded_bytes = doc.size() * 5 / 2;  // room for two members and a half
    options.expansion.max_ratio = 0;
    write_zip(dir / "many.zip", {{"1.xml", doc}, {"2.xml", doc}, {"3.xml", doc}, {"4.xml", doc}});
    auto many = read_path(dir / "many.zip", options);
    CHECK(many.sink.documents.size() == 20);
    REQUIRE(many.sink.refused.size() == 2);
    CHECK(many.sink.refused[0].cause.find("members together expand beyond the cap") != std::string::npos);
}

TEST_CASE("a zip member whose directory entry understates its size is still stopped") {
    TempDir dir;
    write_zip(dir / "liar.zip", {{"liar.xml", "<?xml version=\"1.0\"?>\n<a>" + std::string(std::size_t{64} << 20, ' ')}});
    std::string bytes = read_file(dir / "liar.zip");
    // Declare 200000 expanded bytes in the local header (offset 22) and in the central
    // directory entry (offset 24 after its signature): both agree, so only counting the
    // bytes actually inflated can catch the lie.
    const auto put32 = [&bytes](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
    };
    REQUIRE(bytes.compare(0, 4, "PK\x03\x04") == 0);
    put32(22, 200000);
    const auto central = bytes.find(std::string_view("PK\x01\x02", 4));
    REQUIRE(central != std::string::npos);
    put32(central + 24, 200000);
    write_file(dir / "liar.zip", bytes);
    const long rss_before = peak_rss_kib();
    auto c = read_path(dir / "liar.zip");
    CHECK(c.sink.documents.empty());
    REQUIRE(c.sink.refused.size() == 1);
    CHECK(c.sink.refused[0].file == (dir / "liar.zip").string() + "!liar.xml");
    CHECK(peak_rss_kib() - rss_before < 256 * 1024);
}

TEST_CASE("damaged and empty archives are refused as documents, not thrown") {
    TempDir dir;
    write_file(dir / "junk.zip", std::string("PK\x03\x04", 4) + std::string(200, 'x'));
    auto junk = read_path(dir / "junk.zip");
    REQUIRE(junk.sink.refused.size() == 1);
    CHECK(junk.sink.refused[0].cause.find("not a readable zip archive") != std::string::npos);
    CHECK(junk.summary.refused == 1);

    // An archive without members is the 22-byte end-of-central-directory record alone
    // (libzip writes no file at all for one).
    write_file(dir / "empty.zip", std::string("PK\x05\x06", 4) + std::string(18, '\0'));
    auto empty = read_path(dir / "empty.zip");
    REQUIRE(empty.sink.refused.size() == 1);
    CHECK(empty.sink.refused[0].cause.find("holds no member") != std::string::npos);

    // A missing file is still a file-level failure.
    CHECK_THROWS_AS(read_path(dir / "missing.zip"), std::system_error);
}

namespace {

std::string zip_bytes(const std::vector<std::pair<std::string, std::string>>& members, const TempDir& dir) {
    write_zip(dir / "inner.tmp", members);
    std::ifstream in(dir / "inner.tmp", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("gzip members and nested zips inside a zip are read, never skipped") {
    TempDir dir;
    const std::string a = "CN102021000358642CN00001130612340BFULZH20230317CN00K.XML";
    const std::string b = "CN202022000456789CN00002173456780UFULZH20220805CN00P.XML";
    const std::string inner = zip_bytes({{"deep/" + b, sample(b)}}, dir);
    write_zip(dir / "delivery.zip", {{a + ".gz", gzip_member(sample(a))}, {"week.zip", inner}});
    auto c = read_path(dir / "delivery.zip");
    CHECK(c.sink.refused.empty());
    CHECK(c.sink.skipped.empty());
    REQUIRE(c.sink.documents.size() == 2);
    CHECK(c.sink.documents[0].second.number == "113061234");
    CHECK(c.sink.documents[1].second.number == "217345678");
    // The nested member is named through both archives.
    CHECK(c.members == std::vector<std::string>{a + ".gz", "week.zip", "week.zip!deep/" + b});
}

TEST_CASE("a symlink member, a broken nested zip and nesting past the bound refuse the archive") {
    TempDir dir;
    const std::string a = "CN102021000358642CN00001130612340BFULZH20230317CN00K.XML";
    {
        int error = 0;
        zip_t* za = zip_open((dir / "link.zip").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        REQUIRE(za != nullptr);
        const std::string good = sample(a), target = "/etc/passwd";
        REQUIRE(zip_file_add(za, a.c_str(), zip_source_buffer(za, good.data(), good.size(), 0), 0) >= 0);
        const zip_int64_t link = zip_file_add(za, "passwd.xml", zip_source_buffer(za, target.data(), target.size(), 0), 0);
        REQUIRE(link >= 0);
        REQUIRE(zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(link), 0, ZIP_OPSYS_UNIX,
                                                 zip_uint32_t{0120777} << 16) == 0);
        REQUIRE(zip_close(za) == 0);
    }
    auto link = read_path(dir / "link.zip");
    REQUIRE(link.sink.refused.size() == 1);
    CHECK(link.sink.refused[0].file == (dir / "link.zip").string() + "!passwd.xml");
    CHECK(link.sink.refused[0].cause.find("symbolic link") != std::string::npos);

    write_zip(dir / "broken.zip", {{"inner.zip", std::string("PK\x03\x04", 4) + std::string(40, 'x')}});
    auto broken = read_path(dir / "broken.zip");
    REQUIRE(broken.sink.refused.size() == 1);
    CHECK(broken.sink.refused[0].cause.find("nested zip archive") != std::string::npos);

    std::string nested = zip_bytes({{a, sample(a)}}, dir);
    for (int level = 0; level < 3; ++level) nested = zip_bytes({{"level.zip", nested}}, dir);
    write_zip(dir / "deep.zip", {{"level.zip", nested}});
    auto deep = read_path(dir / "deep.zip");
    CHECK(deep.sink.documents.empty());
    REQUIRE(deep.sink.refused.size() == 1);
    CHECK(deep.sink.refused[0].cause.find("nested more than") != std::string::npos);
}

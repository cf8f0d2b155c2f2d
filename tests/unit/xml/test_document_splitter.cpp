// DocumentSplitter: where documents start in a file, on which line, across chunk edges.
#include "parsers/xml/document_splitter.h"

#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

struct Piece {
    std::string bytes;
    long line;
    int index;
    bool oversized;
};

std::vector<Piece> split(std::string bytes, std::size_t chunk = 1 << 20, std::size_t max_document = 512u << 20) {
    MemoryByteSource source(std::move(bytes));
    DocumentSplitter splitter(source, SplitterOptions{chunk, max_document});
    std::vector<Piece> pieces;
    SplitDocument document;
    while (splitter.next(document))
        pieces.push_back({std::string(document.bytes), document.start_line, document.index, document.oversized});
    return pieces;
}

const std::string kDoc1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\" [ ]>\n<a>\n<b>one</b>\n</a>\n";
const std::string kDoc2 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\" [ ]>\n<a><b>two</b></a>\n";

}  // namespace

TEST_CASE("a file without any declaration is one document") {
    const auto pieces = split("<ep-patent-document>\n<SDOBI/>\n</ep-patent-document>\n");
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].line == 1);
    CHECK(pieces[0].index == 1);
}

TEST_CASE("concatenated documents split at each declaration that begins a line") {
    for (std::size_t chunk = 1; chunk <= 24; ++chunk) {
        CAPTURE(chunk);
        const auto pieces = split(kDoc1 + kDoc2 + kDoc1, chunk);
        REQUIRE(pieces.size() == 3);
        CHECK(pieces[0].bytes == kDoc1);
        CHECK(pieces[1].bytes == kDoc2);
        CHECK(pieces[2].bytes == kDoc1);
        CHECK(pieces[0].line == 1);
        CHECK(pieces[1].line == 6);
        CHECK(pieces[2].line == 9);
        CHECK(pieces[2].index == 3);
    }
}

TEST_CASE("an <?xml-stylesheet?> line or a declaration inside a line is not a boundary") {
    const std::string cn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n"
                           "<cn-patent-document>text <?xml version=\"1.0\"?> here\n</cn-patent-document>\n";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{1} << 20}) {
        const auto pieces = split(cn, chunk);
        REQUIRE(pieces.size() == 1);
        CHECK(pieces[0].bytes == cn);
    }
}

TEST_CASE("a UTF-8 BOM before the first declaration, or a later one, is dropped") {
    const std::string bom = "\xEF\xBB\xBF";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{4}, std::size_t{1} << 20}) {
        CAPTURE(chunk);
        const auto pieces = split(bom + kDoc1 + bom + kDoc2, chunk);
        REQUIRE(pieces.size() == 2);
        CHECK(pieces[0].bytes == kDoc1);
        CHECK(pieces[1].bytes == kDoc2);
        CHECK(pieces[1].line == 6);
    }
}

TEST_CASE("blank lines between or around documents are not documents") {
    const auto pieces = split("\n\n" + kDoc1 + "\n\n" + kDoc2 + "\n \n");
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].line == 3);
    CHECK(pieces[1].line == 10);
    CHECK(pieces[1].index == 2);
    CHECK(split("").empty());
    CHECK(split(" \n\r\n\t").empty());
}

TEST_CASE("CRLF files split the same way") {
    std::string crlf1 = "<?xml version=\"1.0\"?>\r\n<a>1</a>\r\n";
    std::string crlf2 = "<?xml version=\"1.0\"?>\r\n<a>2</a>\r\n";
    const auto pieces = split(crlf1 + crlf2, 3);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[1].bytes == crlf2);
    CHECK(pieces[1].line == 3);
}

TEST_CASE("a document over the size cap is reported as oversized and the rest still splits") {
    std::string big = "<?xml version=\"1.0\"?>\n<a>\n";
    for (int i = 0; i < 200; ++i) big += "<b>0123456789</b>\n";
    big += "</a>\n";
    const auto pieces = split(big + kDoc2 + big, 64, 1024);
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[0].oversized);
    CHECK(pieces[0].bytes.empty());
    CHECK(pieces[0].line == 1);
    CHECK_FALSE(pieces[1].oversized);
    CHECK(pieces[1].bytes == kDoc2);
    CHECK(pieces[1].line == 204);
    CHECK(pieces[2].oversized);
    CHECK(pieces[2].line == 207);
}

TEST_CASE("start lines stay exact over many long documents and every chunk size") {
    // Lines beginning with '<' or with a UTF-8 lead byte 0xEF (full-width "（" is EF BC 88)
    // look like boundaries at first sight; documents of thousands of lines exercise the
    // wide newline scan and its tally flushes.
    std::string file;
    std::vector<long> starts;
    long line = 1;
    for (int d = 0; d < 40; ++d) {
        starts.push_back(line);
        std::string doc = "<?xml version=\"1.0\"?>\n<a>\n";
        const int lines = 1 + (d * 97) % 3000;
        for (int l = 0; l < lines; ++l) {
            switch (l % 4) {
                case 0: doc += "<b>" + std::string(static_cast<std::size_t>(l % 53), 'x') + "</b>\n"; break;
                case 1: doc += "\xEF\xBC\x88\xE4\xB8\x80\xEF\xBC\x89 <?xml version\n"; break;
                case 2: doc += "<?xml-stylesheet href=\"x\"?>\n"; break;
                default: doc += "\n"; break;
            }
        }
        doc += "</a>\n";
        line += static_cast<long>(std::count(doc.begin(), doc.end(), '\n'));
        file += doc;
    }
    for (std::size_t chunk : {std::size_t{13}, std::size_t{64}, std::size_t{4096}, std::size_t{1} << 20}) {
        CAPTURE(chunk);
        const auto pieces = split(file, chunk);
        REQUIRE(pieces.size() == starts.size());
        for (std::size_t i = 0; i < starts.size(); ++i) CHECK(pieces[i].line == starts[i]);
    }
}

TEST_CASE("FileByteSource reports a missing file") {
    CHECK_THROWS_AS(FileByteSource("/nonexistent/patsub/ipg.xml"), std::system_error);
}

}  // namespace patsub::xml::test

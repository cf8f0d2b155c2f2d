// DocumentSplitter: where documents start in a file, on which line, across chunk edges.
#include "parsers/xml/split/document_splitter.h"

#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

struct Piece {
    std::string bytes;
    long line;
    int index;
    bool streamed;
};

// Every document of `bytes`; a streamed one is read out through its stream (in pieces of
// `pull` bytes) unless `read_streams` is false, when it is left for next() to skip.
std::vector<Piece> split(std::string bytes, std::size_t chunk = 1 << 20, std::size_t threshold = 8u << 20,
                         bool read_streams = true, std::size_t pull = 100) {
    MemoryByteSource source(std::move(bytes));
    DocumentSplitter splitter(source, SplitterOptions{chunk, threshold});
    std::vector<Piece> pieces;
    SplitDocument document;
    while (splitter.next(document)) {
        std::string text(document.bytes);
        if (document.streamed() && read_streams) {
            std::string piece(pull, '\0');
            while (const std::size_t n = document.stream->read(piece.data(), piece.size())) text.append(piece, 0, n);
            CHECK(document.stream->read(piece.data(), piece.size()) == 0);  // and stays at the end
        }
        if (document.streamed()) CHECK(document.bytes.empty());
        pieces.push_back({std::move(text), document.start_line, document.index, document.streamed()});
    }
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

TEST_CASE("a UTF-8 BOM before the first declaration, or a later one, stays with its document") {
    // The safe parser judges the mark against the declaration (safe_parser.cpp).
    const std::string bom = "\xEF\xBB\xBF";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{4}, std::size_t{1} << 20}) {
        CAPTURE(chunk);
        const auto pieces = split(bom + kDoc1 + bom + kDoc2, chunk);
        REQUIRE(pieces.size() == 2);
        CHECK(pieces[0].bytes == bom + kDoc1);
        CHECK(pieces[1].bytes == bom + kDoc2);
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

TEST_CASE("a document over the stream threshold is streamed whole, and the rest still splits") {
    std::string big = "<?xml version=\"1.0\"?>\n<a>\n";
    for (int i = 0; i < 200; ++i) big += "<b>0123456789</b>\n";
    big += "</a>\n";
    for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{4096}}) {
        for (std::size_t pull : {std::size_t{1}, std::size_t{13}, std::size_t{5000}}) {
            CAPTURE(chunk);
            CAPTURE(pull);
            const auto pieces = split(big + kDoc2 + big, chunk, 1024, true, pull);
            REQUIRE(pieces.size() == 3);
            // With 4 KiB chunks the first boundary is found before the threshold trips, and
            // the last document is in whole when the file ends.
            CHECK(pieces[0].streamed == (chunk < 4096));
            CHECK(pieces[0].bytes == big);
            CHECK(pieces[0].line == 1);
            CHECK_FALSE(pieces[1].streamed);
            CHECK(pieces[1].bytes == kDoc2);
            CHECK(pieces[1].line == 204);
            CHECK(pieces[2].streamed);
            CHECK(pieces[2].bytes == big);
            CHECK(pieces[2].line == 207);
            CHECK(pieces[2].index == 3);
        }
    }
}

TEST_CASE("a streamed document left unread, or read halfway, is skipped up to the next one") {
    std::string big = "<?xml version=\"1.0\"?>\n<a>\n";
    for (int i = 0; i < 300; ++i) big += "<b>0123456789</b>\n<?xml-stylesheet?>\n";
    big += "</a>\n";
    for (std::size_t chunk : {std::size_t{3}, std::size_t{64}, std::size_t{1000}}) {
        CAPTURE(chunk);
        const auto unread = split(big + kDoc1 + big + kDoc2, chunk, 1024, false);
        REQUIRE(unread.size() == 4);
        CHECK(unread[0].streamed);
        CHECK(unread[1].bytes == kDoc1);
        CHECK(unread[1].line == 604);
        CHECK(unread[2].streamed);
        CHECK(unread[2].line == 609);
        CHECK(unread[3].bytes == kDoc2);
        CHECK(unread[3].line == 1212);

        // A reader that gives up after a few pieces.
        MemoryByteSource source(big + kDoc1 + big + kDoc2);
        DocumentSplitter splitter(source, SplitterOptions{chunk, 1024});
        SplitDocument document;
        std::vector<long> lines;
        while (splitter.next(document)) {
            lines.push_back(document.start_line);
            if (document.streamed()) {
                char piece[500];
                CHECK(document.stream->read(piece, sizeof piece) > 0);
                CHECK(document.stream->read(piece, sizeof piece) > 0);
            }
        }
        CHECK(lines == std::vector<long>{1, 604, 609, 1212});
    }
}

TEST_CASE("white space alone is no document, however long") {
    const std::string blank(5000, '\n');
    const auto pieces = split(blank + kDoc1 + blank, 64, 1024);
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].bytes == kDoc1 + blank);  // white space after a document is the document's
    CHECK(pieces[0].line == 5001);
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

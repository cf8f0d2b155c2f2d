// DocumentSplitter: cuts one inbox file into its XML documents. USPTO weekly files
// (ipgYYMMDD.xml) are a concatenation of thousands of complete documents, each with its
// own <?xml?> declaration and DOCTYPE, so the file as a whole is not XML; CNIPA files
// may start with a UTF-8 BOM (kept in the document: the safe parser checks it against
// the declaration); EPO and JPO files have no declaration at all and are one
// document. Memory stays bounded whatever the input: a document is held whole only up to
// SplitterOptions::stream_threshold; a larger one (a DOCDB bulk file is ONE document of
// 100,000 records, a quarter of a gigabyte) is handed out as a stream: the parser pulls
// its bytes through the splitter's buffer, a chunk at a time, while the splitter keeps
// looking for its end with the same rules and line counting.
#pragma once

#include "parsers/xml/input/byte_source.h"

#include <cstddef>
#include <memory>
#include <string_view>

namespace patsub::xml {

struct SplitterOptions {
    std::size_t chunk_size = std::size_t{1} << 20;
    // A document that grows past this many bytes before its end is found is streamed
    // (SplitDocument::stream) instead of held. USPTO grants are 50-150 KB and their
    // sequence listings tens of MB; parallel_documents.cpp reads anything this large on
    // the calling thread anyway. A streamed document has no size cap of its own: its
    // parser's limits apply (libxml2's, without XML_PARSE_HUGE).
    std::size_t stream_threshold = std::size_t{8} << 20;
};

struct SplitDocument {
    std::string_view bytes;         // a document held whole; valid until the next call to next()
    ByteSource* stream = nullptr;   // set instead for a streamed document: its bytes, from the first
                                    // to the next boundary (then read() returns 0); valid until the
                                    // next call to next(), which skips whatever was not read
    long start_line = 1;            // line of the file holding the document's first byte (1-based)
    int index = 0;                  // position among the file's documents (1-based)

    bool streamed() const { return stream != nullptr; }
};

class DocumentSplitter {
public:
    explicit DocumentSplitter(ByteSource& source, SplitterOptions options = {});
    DocumentSplitter(const DocumentSplitter&) = delete;
    DocumentSplitter& operator=(const DocumentSplitter&) = delete;

    // The next document, or false once the file is exhausted. Whitespace between
    // documents is not a document. Throws what the ByteSource throws.
    bool next(SplitDocument& out);

private:
    // What SplitDocument::stream points at: the splitter's own buffer, drained as read.
    class Stream final : public ByteSource {
    public:
        explicit Stream(DocumentSplitter& splitter) : splitter_(splitter) {}
        std::size_t read(char* buffer, std::size_t capacity) override { return splitter_.stream_read(buffer, capacity); }

    private:
        DocumentSplitter& splitter_;
    };
    enum class Found { boundary, end_of_file, too_long };

    bool fill();
    bool search(std::size_t& end, std::size_t& next_begin);
    Found find_boundary(std::size_t& end, std::size_t& next_begin);
    bool declaration_at(std::size_t position, std::size_t& begin) const;
    // Copies up to `capacity` bytes of the streamed document to `buffer` (or drops them
    // when `buffer` is null); 0 once the document's end is reached.
    std::size_t stream_read(char* buffer, std::size_t capacity);
    void skip_rest_of_stream();
    std::string_view held(std::size_t from, std::size_t to) const { return {data_.get() + from, to - from}; }

    ByteSource& source_;
    SplitterOptions options_;
    // Bytes read and not yet handed out start at start_; earlier bytes belong to documents
    // already returned and are dropped only when more room is needed (moving the rest of
    // a 1 MiB chunk after every small document would cost more than parsing it).
    std::unique_ptr<char[]> data_;
    std::size_t capacity_ = 0;
    std::size_t size_ = 0;
    std::size_t start_ = 0;      // first byte of the current document (of a streamed one: not yet read)
    std::size_t scan_ = 0;       // first byte not yet searched for a boundary
    long document_line_ = 1;     // file line of the current document's first byte
    long scan_line_ = 1;         // file line of data_[scan_]
    int index_ = 0;
    bool eof_ = false;
    // The streamed document: bytes before stream_end_ are its own; once stream_ended_,
    // stream_end_ is its end and the next document begins at stream_next_begin_.
    Stream stream_{*this};
    bool streaming_ = false;
    bool stream_ended_ = false;
    std::size_t stream_end_ = 0;
    std::size_t stream_next_begin_ = 0;
};

}  // namespace patsub::xml

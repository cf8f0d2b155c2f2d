// DocumentSplitter: cuts one inbox file into its XML documents. USPTO weekly files
// (ipgYYMMDD.xml) are a concatenation of thousands of complete documents, each with its
// own <?xml?> declaration and DOCTYPE, so the file as a whole is not XML; CNIPA files
// may start with a UTF-8 BOM; EPO and JPO files have no declaration at all and are one
// document. Memory stays bounded: at most one document plus one chunk is held.
#pragma once

#include "parsers/xml/byte_source.h"

#include <cstddef>
#include <memory>
#include <string_view>

namespace patsub::xml {

struct SplitterOptions {
    std::size_t chunk_size = std::size_t{1} << 20;
    // A document larger than this is not kept (its bytes are dropped and it is reported
    // as oversized) so a file without boundaries cannot exhaust memory. The largest
    // USPTO grant documents (sequence tables) are tens of MB.
    std::size_t max_document_bytes = std::size_t{512} << 20;
};

struct SplitDocument {
    std::string_view bytes;  // the document; valid until the next call to next()
    long start_line = 1;     // line of the file holding the document's first byte (1-based)
    int index = 0;           // position among the file's documents (1-based)
    bool oversized = false;  // larger than max_document_bytes: bytes is empty
};

class DocumentSplitter {
public:
    explicit DocumentSplitter(ByteSource& source, SplitterOptions options = {});

    // The next document, or false once the file is exhausted. Whitespace between
    // documents is not a document. Throws what the ByteSource throws.
    bool next(SplitDocument& out);

private:
    bool fill();
    bool find_boundary(std::size_t& end, std::size_t& next_begin);
    bool declaration_at(std::size_t position, std::size_t& begin) const;
    std::string_view held(std::size_t from, std::size_t to) const { return {data_.get() + from, to - from}; }

    ByteSource& source_;
    SplitterOptions options_;
    // Bytes read and not yet handed out start at start_; earlier bytes belong to documents
    // already returned and are dropped only when more room is needed (moving the rest of
    // a 1 MiB chunk after every small document would cost more than parsing it).
    std::unique_ptr<char[]> data_;
    std::size_t capacity_ = 0;
    std::size_t size_ = 0;
    std::size_t start_ = 0;      // first byte of the current document
    std::size_t scan_ = 0;       // first byte not yet searched for a boundary
    long document_line_ = 1;     // file line of the current document's first byte
    long scan_line_ = 1;         // file line of data_[scan_]
    int index_ = 0;
    bool eof_ = false;
    bool bom_checked_ = false;
    bool oversized_ = false;     // the current document is being dropped
};

}  // namespace patsub::xml

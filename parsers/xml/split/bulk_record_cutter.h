// BulkRecordCutter: cuts a DOCDB bulk document (one XML document of up to a few hundred
// thousand exch:exchange-document records, streamed by the splitter, document_splitter.h)
// into its records while it streams, so that worker threads can parse them
// (parallel_records.h). A record, or a few consecutive ones, becomes a small document:
// the bulk document's head (XML declaration, DOCTYPE, root start tag with its namespace
// declarations) + the records' bytes + the root's end tag.
//
// The cutter only cuts where it is sure that parsing the pieces is parsing the whole:
// a chunk is whole lines (from the first byte of a line, or the first byte after the
// root start tag, to the newline after the record's end tag), holding white space, one
// record start tag of the root's prefix, the record, and its end tag found outside
// comments, CDATA sections and processing instructions ('<' cannot occur in an
// attribute value of a well-formed document, and a chunk cut inside an ill-formed one
// fails its own parse). Whatever it is not sure of (anything else between records, a
// record over 8 MiB, the first record not starting on its own line, what follows the
// root end tag) stops the cutting: the caller reads the rest as one document from
// there (remainder(), with the head and newline padding, so libxml2 sees every byte
// from there on at its own line, as in the unsplit reading).
#pragma once

#include "parsers/xml/input/byte_source.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace patsub::xml {

struct BulkRecordChunk {
    std::string_view bytes;  // valid until the next call to next()
    long line = 1;           // line of the document holding the chunk's first byte (1-based)
    bool first = false;      // it starts right after the root start tag, on the head's last line
};

class BulkRecordCutter {
public:
    enum class Cut {
        record,  // a chunk holding one record
        end,     // the root's end tag and nothing but white space after it: the document is read
        unsure,  // stop cutting: remainder() serves the bytes from here on
    };

    // `document` (the bytes as they are in the file: the DOCDB repairs are made on each
    // record document, docdb_prepass.h) must outlive the cutter.
    explicit BulkRecordCutter(ByteSource& document);
    BulkRecordCutter(const BulkRecordCutter&) = delete;
    BulkRecordCutter& operator=(const BulkRecordCutter&) = delete;

    // Reads the head. False when the document is not a UTF-8 DOCDB bulk document whose
    // root start tag the cutter can see: remainder() then serves the whole document.
    bool open();

    Cut next(BulkRecordChunk& chunk);

    // The head: everything up to and including the root start tag's '>'.
    std::string_view head() const { return {buffer_.get(), head_size_}; }
    long head_last_line() const { return head_last_line_; }
    // The root's qualified name, for the end tag each record document is closed with.
    std::string_view root_name() const { return {buffer_.get() + root_name_at_, root_name_size_}; }
    // Line and position of the bytes remainder() starts with.
    long line() const { return line_; }
    bool at_first_chunk() const { return first_; }

    // The document's bytes not handed out as chunks (after open() returned false: all of
    // them, the head included), then the rest of the document.
    ByteSource& remainder() { return remainder_; }

private:
    class Remainder final : public ByteSource {
    public:
        explicit Remainder(BulkRecordCutter& cutter) : cutter_(cutter) {}
        std::size_t read(char* buffer, std::size_t capacity) override;

    private:
        BulkRecordCutter& cutter_;
    };

    // Makes at least `wanted` bytes from `at` available (fewer only at the end).
    bool have(std::size_t at, std::size_t wanted);
    std::size_t find(std::string_view what, std::size_t from);
    std::string_view held() const { return {buffer_.get(), size_}; }
    Cut stop() { return Cut::unsure; }

    ByteSource& document_;
    // Not a std::string: growing one zero-fills the bytes the next read overwrites.
    std::unique_ptr<char[]> buffer_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
    std::size_t head_size_ = 0;
    std::size_t root_name_at_ = 0;
    std::size_t root_name_size_ = 0;
    std::string record_open_;   // "<exch:exchange-document"
    std::string record_close_;  // "</exch:exchange-document"
    long head_last_line_ = 1;
    std::size_t position_ = 0;  // first byte not handed out (the head stays in front of the buffer)
    long line_ = 1;
    bool first_ = true;
    bool ended_ = false;        // the document returned 0
    bool opened_ = false;
    Remainder remainder_{*this};
};

}  // namespace patsub::xml

#include "parsers/xml/split/document_splitter.h"

#include "parsers/xml/guard/byte_scan.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace patsub::xml {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kDeclarationStart = "<?xml";
bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Bytes needed after a newline to recognise a declaration: BOM + "<?xml" + one space.
constexpr std::size_t kLookahead = 3 + 5 + 1;

bool is_blank(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), is_xml_space);
}

// "<?" or the first two BOM bytes: what a line that starts a document begins with. Lines
// starting with "<" alone are nearly all lines of patent XML, and 0xEF alone starts
// many Chinese lines (full-width punctuation), so both bytes are needed.
bool may_start_document(char first, char second) {
    return (first == '<' && second == '?') || (first == kBom[0] && second == kBom[1]);
}

// The first newline in [from, to) after which a document may start, or `to`. Newlines
// passed over are added to `lines`. data[to] and data[to + 1] must be readable. This scan
// touches every byte of a weekly file, so it looks at 16 bytes per step where SSE2 is
// available (all x86-64).
std::size_t next_line_start_candidate(const char* data, std::size_t from, std::size_t to, long& lines) {
    std::size_t i = from;
#if defined(__SSE2__)
    const auto load = [data](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at)); };
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i open = _mm_set1_epi8('<');
    const __m128i question = _mm_set1_epi8('?');
    const __m128i bom0 = _mm_set1_epi8(kBom[0]);
    const __m128i bom1 = _mm_set1_epi8(kBom[1]);
    ByteTally tally(lines);
    for (; i + 16 <= to; i += 16) {
        const __m128i is_newline = _mm_cmpeq_epi8(load(i), newline);
        const auto newlines = static_cast<unsigned>(_mm_movemask_epi8(is_newline));
        if (newlines == 0) continue;
        const __m128i first = load(i + 1);
        const __m128i second = load(i + 2);
        const __m128i starts =
            _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(first, open), _mm_cmpeq_epi8(second, question)),
                         _mm_and_si128(_mm_cmpeq_epi8(first, bom0), _mm_cmpeq_epi8(second, bom1)));
        if (const unsigned candidates = newlines & static_cast<unsigned>(_mm_movemask_epi8(starts)); candidates != 0) {
            tally.flush();
            const int at = std::countr_zero(candidates);
            lines += std::popcount(newlines & ((1u << at) - 1));  // once per candidate: rare
            return i + static_cast<std::size_t>(at);
        }
        tally.add(is_newline);
    }
    tally.flush();
#endif
    for (; i < to; ++i) {
        if (data[i] != '\n') continue;
        if (may_start_document(data[i + 1], data[i + 2])) return i;
        ++lines;
    }
    return to;
}

}  // namespace

DocumentSplitter::DocumentSplitter(ByteSource& source, SplitterOptions options)
    : source_(source), options_(options) {
    if (options_.chunk_size == 0) options_.chunk_size = std::size_t{1} << 20;
}

// Appends one chunk, first dropping the bytes of documents already handed out (and the
// bytes of a streamed document already read).
bool DocumentSplitter::fill() {
    if (eof_) return false;
    if (start_ > 0) {
        std::memmove(data_.get(), data_.get() + start_, size_ - start_);
        size_ -= start_;
        scan_ -= start_;
        stream_end_ -= std::min(stream_end_, start_);
        start_ = 0;
    }
    if (capacity_ - size_ < options_.chunk_size) {
        // At once as large as a held document can grow (the stream threshold and a chunk
        // either side): memory is only taken as pages are written, and growing by halves
        // copied and faulted in 16 MB before a bulk document began to stream.
        const std::size_t capacity = std::max(
            {capacity_ * 2, size_ + options_.chunk_size, options_.stream_threshold + 2 * options_.chunk_size});
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
        if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
        data_ = std::move(bigger);
        capacity_ = capacity;
    }
    const std::size_t n = source_.read(data_.get() + size_, options_.chunk_size);
    size_ += n;
    if (n == 0) eof_ = true;
    return n > 0;
}

// A document starts at a line beginning with "<?xml" followed by white space (so the
// <?xml-stylesheet?> line CNIPA puts right after its declaration is not a boundary). A
// BOM there is tolerated too: it is what `cat`-ing CNIPA files produces.
bool DocumentSplitter::declaration_at(std::size_t position, std::size_t& begin) const {
    // The BOM stays in the document: the safe parser judges it against the declaration.
    const std::size_t at = position;
    std::string_view rest = held(position, size_);
    if (rest.substr(0, kBom.size()) == kBom) {
        rest.remove_prefix(kBom.size());
        position += kBom.size();
    }
    if (rest.size() <= kDeclarationStart.size() || rest.substr(0, kDeclarationStart.size()) != kDeclarationStart ||
        !is_xml_space(rest[kDeclarationStart.size()]))
        return false;
    begin = at;
    return true;
}

// Searches the bytes held from scan_ on. True when a document starts there: `end` ends
// the current one and `next_begin` begins the next. Otherwise scan_ is where the search
// goes on once more bytes are in.
bool DocumentSplitter::search(std::size_t& end, std::size_t& next_begin) {
    // A newline in the last two bytes is looked at once the bytes after it are in (at
    // the end of the file no document can start there anyway).
    const std::size_t limit = size_ > 1 ? size_ - 2 : 0;
    while (scan_ < limit) {
        const std::size_t newline = next_line_start_candidate(data_.get(), scan_, limit, scan_line_);
        if (newline == limit) {
            scan_ = limit;
            break;
        }
        if (size_ - newline - 1 < kLookahead && !eof_) {
            scan_ = newline;  // look at this newline again once more bytes are in
            break;
        }
        scan_ = newline + 1;
        ++scan_line_;
        std::size_t begin = 0;
        if (declaration_at(newline + 1, begin)) {
            end = newline + 1;
            next_begin = begin;
            return true;
        }
    }
    return false;
}

DocumentSplitter::Found DocumentSplitter::find_boundary(std::size_t& end, std::size_t& next_begin) {
    for (;;) {
        const bool at_end = eof_;
        if (search(end, next_begin)) return Found::boundary;
        if (at_end) return Found::end_of_file;
        if (size_ - start_ > options_.stream_threshold) {
            // White space alone is no document, however much of it there is: drop it
            // (its lines are counted) and go on looking.
            if (!is_blank(held(start_, scan_))) return Found::too_long;
            start_ = scan_;
            document_line_ = scan_line_;
        }
        fill();
    }
}

std::size_t DocumentSplitter::stream_read(char* buffer, std::size_t capacity) {
    if (!streaming_) return 0;
    for (;;) {
        if (start_ < stream_end_) {
            const std::size_t n = std::min(capacity, stream_end_ - start_);
            if (buffer != nullptr) std::memcpy(buffer, data_.get() + start_, n);
            start_ += n;
            return n;
        }
        if (stream_ended_) return 0;
        const bool at_end = eof_;
        std::size_t end = 0;
        std::size_t next_begin = 0;
        if (search(end, next_begin)) {
            stream_end_ = end;
            stream_next_begin_ = next_begin;
            stream_ended_ = true;
        } else if (at_end) {
            stream_end_ = stream_next_begin_ = size_;
            stream_ended_ = true;
        } else {
            // Everything searched without finding a boundary is the document's; the bytes
            // from scan_ on wait for the next chunk.
            stream_end_ = scan_;
            if (start_ >= stream_end_) fill();
        }
    }
}

// The reader of a streamed document may stop early (the document failed, or was
// skipped): the rest of it is passed over here, its lines still counted.
void DocumentSplitter::skip_rest_of_stream() {
    while (stream_read(nullptr, static_cast<std::size_t>(-1)) > 0) {
    }
    document_line_ = scan_line_;
    start_ = scan_ = stream_next_begin_;
    streaming_ = false;
}

bool DocumentSplitter::next(SplitDocument& out) {
    if (streaming_) skip_rest_of_stream();
    for (;;) {
        std::size_t end = 0;
        std::size_t next_begin = 0;
        switch (find_boundary(end, next_begin)) {
            case Found::boundary: break;
            case Found::end_of_file:
                if (start_ == size_) return false;
                end = next_begin = size_;
                break;
            case Found::too_long:
                streaming_ = true;
                stream_ended_ = false;
                stream_end_ = scan_;
                out.bytes = {};
                out.stream = &stream_;
                out.start_line = document_line_;
                out.index = ++index_;
                return true;
        }
        const std::string_view bytes = held(start_, end);
        const long line = document_line_;
        document_line_ = scan_line_;
        start_ = scan_ = next_begin;
        if (is_blank(bytes)) continue;
        out.bytes = bytes;
        out.stream = nullptr;
        out.start_line = line;
        out.index = ++index_;
        return true;
    }
}

}  // namespace patsub::xml

#include "parsers/xml/split/bulk_record_cutter.h"

#include "parsers/xml/guard/byte_scan.h"
#include "parsers/xml/split/docdb_prepass.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace patsub::xml {

namespace {

constexpr std::size_t kRead = std::size_t{256} << 10;
// The records handed out are dropped from the buffer's front once this many bytes of
// them are there: what is read but not yet cut (less than a read, on average half of
// one) is then moved, a few per cent of the bytes, where a drop after every read moved
// half of them.
constexpr std::size_t kDropAt = std::size_t{4} << 20;
// A record larger than this is not cut out (DOCDB records are a few KB): the rest is
// read as one document, streamed.
constexpr std::size_t kMaxChunk = std::size_t{8} << 20;
// The head is looked for in the first bytes only (a real one is a few hundred bytes).
constexpr std::size_t kMaxHead = std::size_t{1} << 20;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// UTF-8, said or implied: the record documents then start with the same declaration and
// are judged the same (byte-order mark, mislabelled UTF-8) as the whole.
bool declares_utf8(std::string_view head) {
    if (!head.starts_with("<?xml") || head.size() < 6 || !is_space(head[5])) return false;
    const std::string_view declaration = head.substr(0, head.find("?>"));
    const auto key = declaration.find("encoding");
    if (key == std::string_view::npos) return true;
    const auto open = declaration.find_first_of("\"'", key);
    if (open == std::string_view::npos) return false;
    const auto close = declaration.find(declaration[open], open + 1);
    if (close == std::string_view::npos) return false;
    std::string name(declaration.substr(open + 1, close - open - 1));
    for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name == "UTF-8" || name == "UTF8";
}

}  // namespace

BulkRecordCutter::BulkRecordCutter(ByteSource& document) : document_(document) {}

bool BulkRecordCutter::have(std::size_t at, std::size_t wanted) {
    while (size_ < at + wanted && !ended_) {
        if (capacity_ - size_ < kRead) {
            // At once what the records between two drops need (memory is taken as pages
            // are written): growing by halves copied what was held each time.
            const std::size_t capacity = std::max({capacity_ * 2, size_ + kRead, kDropAt + kMaxHead + 2 * kRead});
            auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
            if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
            buffer_ = std::move(bigger);
            capacity_ = capacity;
        }
        const std::size_t n = document_.read(buffer_.get() + size_, kRead);
        size_ += n;
        ended_ = n == 0;
    }
    return size_ >= at + wanted;
}

// Position of `what` at or after `from`, reading on as needed; npos at the end of the
// document or past the chunk limit.
std::size_t BulkRecordCutter::find(std::string_view what, std::size_t from) {
    for (;;) {
        if (from < size_) {
            const void* at = ::memmem(buffer_.get() + from, size_ - from, what.data(), what.size());
            if (at != nullptr) return static_cast<std::size_t>(static_cast<const char*>(at) - buffer_.get());
        }
        from = std::max(from, size_ >= what.size() ? size_ - what.size() + 1 : 0);
        if (size_ - position_ > kMaxChunk || !have(size_, 1)) return std::string_view::npos;
    }
}

bool BulkRecordCutter::open() {
    std::size_t wanted = 4096;
    for (;;) {
        have(0, wanted);
        const DocdbBulkRoot root = docdb_bulk_root(held(), ended_);
        if (root.status == DocdbBulkRoot::Status::more && size_ < kMaxHead && !ended_) {
            wanted *= 2;
            continue;
        }
        if (root.status != DocdbBulkRoot::Status::bulk || !declares_utf8(held())) return false;
        head_size_ = root.tag_end;
        root_name_at_ = static_cast<std::size_t>(root.name.data() - buffer_.get());
        root_name_size_ = root.name.size();
        record_open_ = "<" + std::string(root.prefix) + "exchange-document";
        record_close_ = "</" + std::string(root.prefix) + "exchange-document";
        head_last_line_ = 1 + static_cast<long>(std::count(buffer_.get(), buffer_.get() + head_size_, '\n'));
        position_ = head_size_;
        line_ = head_last_line_;
        opened_ = true;
        return true;
    }
}

BulkRecordCutter::Cut BulkRecordCutter::next(BulkRecordChunk& chunk) {
    if (!opened_) return stop();
    // Bytes already handed out go (the head stays in front), before any position is taken.
    if (position_ > head_size_ + kDropAt) {
        std::memmove(buffer_.get() + head_size_, buffer_.get() + position_, size_ - position_);
        size_ -= position_ - head_size_;
        position_ = head_size_;
    }
    const auto at = [this](std::size_t i, std::string_view what) {
        return have(i, what.size()) && std::memcmp(buffer_.get() + i, what.data(), what.size()) == 0;
    };
    std::size_t i = position_;
    // White space before the record (or the root's end).
    for (;; ++i) {
        if (!have(i, 1) || i - position_ > kMaxChunk) return stop();
        if (!is_space(buffer_[i])) break;
    }
    if (at(i, "</")) {
        // The root's end tag, then nothing but white space to the end.
        if (!at(i + 2, root_name())) return stop();
        std::size_t j = i + 2 + root_name_size_;
        while (have(j, 1) && is_space(buffer_[j])) ++j;
        if (!have(j, 1) || buffer_[j] != '>') return stop();
        for (++j; have(j, 1); ++j)
            if (!is_space(buffer_[j]) || j - position_ > kMaxChunk) return stop();
        // A first chunk that is the root's end: no record at all, read as a whole.
        // The tail stays for remainder(): a record found unclean later is read again
        // with everything after it.
        if (first_) return stop();
        return Cut::end;
    }
    // "<exch:exchange-document" then white space or '>'.
    if (!at(i, record_open_) || !have(i, record_open_.size() + 1) ||
        !(is_space(buffer_[i + record_open_.size()]) || buffer_[i + record_open_.size()] == '>'))
        return stop();
    // Its end tag, outside comments, CDATA sections and processing instructions: the
    // next "</exch:exchange-document" is it unless a "<!" or "<?" comes first (rare in
    // DOCDB: then that is stepped over and the search goes on after it). Two searches
    // that skip through the bytes instead of a stop at every '<' of the record.
    std::size_t j = i + record_open_.size();
    std::size_t close_end = 0;
    for (;;) {
        const std::size_t close = find(record_close_, j);
        if (close == std::string_view::npos) return stop();
        std::size_t special = std::string_view::npos;
        for (std::size_t k = j; k < close;) {
            const auto* mark = static_cast<const char*>(
                find_either(buffer_.get() + k, buffer_.get() + close, '!', '?'));
            k = static_cast<std::size_t>(mark - buffer_.get());
            if (k >= close) break;
            if (buffer_[k - 1] == '<') {
                special = k - 1;
                break;
            }
            ++k;
        }
        if (special != std::string_view::npos) {
            const std::string_view until = at(special, "<!--")        ? "-->"
                                           : at(special, "<![CDATA[") ? "]]>"
                                           : buffer_[special + 1] == '?' ? "?>"
                                                                          : "";
            if (until.empty()) {
                j = special + 2;
                continue;
            }
            const std::size_t end = find(until, special + 2);
            if (end == std::string_view::npos) return stop();
            j = end + until.size();
            continue;
        }
        std::size_t k = close + record_close_.size();
        while (have(k, 1) && is_space(buffer_[k])) ++k;
        if (!have(k, 1)) return stop();
        if (buffer_[k] == '>') {
            close_end = k + 1;
            break;
        }
        j = close + 1;
        if (j - position_ > kMaxChunk) return stop();
    }
    // The rest of the end tag's line: white space, then the newline that ends the chunk.
    std::size_t k = close_end;
    for (;; ++k) {
        if (!have(k, 1)) return stop();
        if (buffer_[k] == '\n') break;
        if (buffer_[k] != ' ' && buffer_[k] != '\t' && buffer_[k] != '\r') return stop();
    }
    chunk.bytes = std::string_view(buffer_.get() + position_, k + 1 - position_);
    chunk.line = line_;
    chunk.first = first_;
    // A record is a line or a few: memchr from newline to newline, not a look at every byte.
    for (const char* p = chunk.bytes.data(), *end = p + chunk.bytes.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
        ++line_;
    position_ = k + 1;
    first_ = false;
    return Cut::record;
}

std::size_t BulkRecordCutter::Remainder::read(char* buffer, std::size_t capacity) {
    BulkRecordCutter& c = cutter_;
    if (c.position_ < c.size_) {
        const std::size_t n = std::min(capacity, c.size_ - c.position_);
        std::memcpy(buffer, c.buffer_.get() + c.position_, n);
        c.position_ += n;
        return n;
    }
    if (c.ended_) return 0;
    const std::size_t n = c.document_.read(buffer, capacity);
    if (n == 0) c.ended_ = true;
    return n;
}

}  // namespace patsub::xml

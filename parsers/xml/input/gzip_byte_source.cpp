#include "parsers/xml/input/gzip_byte_source.h"

#include <zlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace patsub::xml {

namespace {

constexpr std::size_t kInputChunk = std::size_t{256} << 10;
// 15-bit window, +16: gzip wrapper only. A raw deflate or zlib stream is not a .gz file.
constexpr int kGzipWindowBits = 15 + 16;

}  // namespace

struct GzipByteSource::Inflater {
    z_stream stream{};
    bool initialised = false;
    ~Inflater() {
        if (initialised) inflateEnd(&stream);
    }
};

GzipByteSource::GzipByteSource(ByteSource& compressed, std::string name, ExpansionLimits limits)
    : compressed_(compressed), name_(std::move(name)), limits_(limits), inflater_(std::make_unique<Inflater>()),
      input_(std::make_unique<unsigned char[]>(kInputChunk)) {
    if (inflateInit2(&inflater_->stream, kGzipWindowBits) != Z_OK)
        throw std::runtime_error(fmt::format("{}: cannot start gzip decompression: {}", name_,
                                             inflater_->stream.msg ? inflater_->stream.msg : "zlib init failed"));
    inflater_->initialised = true;
}

GzipByteSource::~GzipByteSource() = default;

bool GzipByteSource::refill() {
    if (input_eof_) return false;
    const std::size_t n = compressed_.read(reinterpret_cast<char*>(input_.get()), kInputChunk);
    if (n == 0) {
        input_eof_ = true;
        return false;
    }
    inflater_->stream.next_in = input_.get();
    inflater_->stream.avail_in = static_cast<uInt>(n);
    consumed_ += n;
    return true;
}

std::size_t GzipByteSource::read(char* buffer, std::size_t capacity) {
    if (done_ || capacity == 0) return 0;
    z_stream& z = inflater_->stream;
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = static_cast<uInt>(std::min<std::size_t>(capacity, UINT_MAX));
    const uInt wanted = z.avail_out;
    while (z.avail_out == wanted) {
        if (z.avail_in == 0 && !refill()) {
            if (in_member_)
                throw CompressedInputError(fmt::format("{}: truncated after {} expanded bytes", name_,
                                                       expanded_));
            done_ = true;
            break;
        }
        if (!in_member_) {
            // Bytes after a complete member: another member must follow (RFC 1952 2.2).
            if (inflateReset(&z) != Z_OK) throw CompressedInputError(name_ + ": cannot restart decompression for the next gzip member");
            in_member_ = true;
        }
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            in_member_ = false;
        } else if (rc == Z_BUF_ERROR) {
            // No progress possible without more input: loop to refill (or report truncation).
            if (z.avail_in != 0)
                throw CompressedInputError(fmt::format("{}: cannot be decompressed after {} expanded bytes", name_,
                                                       expanded_));
        } else if (rc != Z_OK) {
            throw CompressedInputError(fmt::format("{}: corrupt after {} expanded bytes: {}", name_,
                                                   expanded_, z.msg ? z.msg : zError(rc)));
        }
        const std::size_t produced = wanted - z.avail_out;
        if (produced > 0) {
            check_expansion(limits_, expanded_ + produced, consumed_ - z.avail_in, name_);
            expanded_ += produced;
        }
    }
    return wanted - z.avail_out;
}

}  // namespace patsub::xml

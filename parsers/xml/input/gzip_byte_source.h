// GzipByteSource: the expanded bytes of a gzip stream (RFC 1952), inflated as they are
// pulled, so a weekly .xml.gz is split and parsed without ever being unpacked to disk.
// Several gzip members in a row (what `cat a.gz b.gz` makes, and what some office
// tools write) are one stream. Expansion is bounded by ExpansionLimits; a corrupt or
// truncated stream throws CompressedInputError, never returns short data as if whole.
#pragma once

#include "parsers/xml/input/byte_source.h"
#include "parsers/xml/input/expansion_limits.h"

#include <cstdint>
#include <memory>
#include <string>

namespace patsub::xml {

class GzipByteSource final : public ByteSource {
public:
    // `compressed` must outlive this source; `name` names the stream in errors.
    GzipByteSource(ByteSource& compressed, std::string name, ExpansionLimits limits = {});
    ~GzipByteSource() override;
    GzipByteSource(const GzipByteSource&) = delete;
    GzipByteSource& operator=(const GzipByteSource&) = delete;

    std::size_t read(char* buffer, std::size_t capacity) override;

    std::uint64_t expanded_bytes() const { return expanded_; }

private:
    bool refill();

    struct Inflater;  // zlib's z_stream, kept out of this header
    ByteSource& compressed_;
    std::string name_;
    ExpansionLimits limits_;
    std::unique_ptr<Inflater> inflater_;
    std::unique_ptr<unsigned char[]> input_;
    std::uint64_t expanded_ = 0;
    std::uint64_t consumed_ = 0;  // compressed bytes handed to zlib, all members
    bool input_eof_ = false;
    bool in_member_ = true;  // false between members: only input decides if another follows
    bool done_ = false;
};

}  // namespace patsub::xml

// ZipArchive: a read-only view of one zip inbox file through libzip, member by member,
// without unpacking anything to disk. A USPTO weekly zip holds one big concatenated
// XML file; a CNIPA delivery holds many small XML files (and images beside them). Each
// member is served as a ByteSource whose expansion is bounded by ExpansionLimits, per
// member and for the archive as a whole.
#pragma once

#include "parsers/xml/input/byte_source.h"
#include "parsers/xml/input/expansion_limits.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_file;

namespace patsub::xml {

struct ZipMember {
    std::uint64_t index = 0;
    std::string name;  // path inside the archive, UTF-8, control characters replaced by '?'
    std::uint64_t size = 0;             // expanded size, as the central directory declares it
    std::uint64_t compressed_size = 0;  // as declared
    bool directory = false;
    // A Unix symbolic link stored as a member (its bytes are the target's path): never
    // read or followed; the archive is refused with the member named.
    bool symlink = false;
};

class ZipMemberSource;

class ZipArchive {
public:
    // Throws std::system_error when the file cannot be opened, CompressedInputError when
    // it is not a readable zip archive (damaged central directory, inconsistent headers).
    explicit ZipArchive(const std::filesystem::path& file, ExpansionLimits limits = {});
    // An archive held in memory: a zip that was itself a member of a zip. Throws
    // CompressedInputError when the bytes are not a readable zip archive.
    ZipArchive(std::string bytes, ExpansionLimits limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    const std::vector<ZipMember>& members() const { return members_; }

    // The member's expanded bytes. Throws CompressedInputError when the member cannot be
    // opened (encrypted, unsupported method) or its declared sizes already break a limit;
    // the source throws it while reading when the actual bytes do. Only one member may be
    // open at a time; the archive must outlive the source.
    std::unique_ptr<ZipMemberSource> open(const ZipMember& member);

    // Expanded bytes served so far, all members together.
    std::uint64_t expanded_bytes() const { return expanded_; }

private:
    friend class ZipMemberSource;
    struct Discard {
        void operator()(struct zip* archive) const;
    };
    void list_members();

    std::string bytes_;  // the archive itself when held in memory; outlives archive_
    std::unique_ptr<struct zip, Discard> archive_;
    ExpansionLimits limits_;
    std::vector<ZipMember> members_;
    std::uint64_t expanded_ = 0;
};

class ZipMemberSource final : public ByteSource {
public:
    ~ZipMemberSource() override = default;
    ZipMemberSource(const ZipMemberSource&) = delete;
    ZipMemberSource& operator=(const ZipMemberSource&) = delete;

    std::size_t read(char* buffer, std::size_t capacity) override;

    // Up to `count` first bytes of the member, without consuming them: content decides
    // whether a member is read as XML, never its name.
    std::string_view peek(std::size_t count);

private:
    friend class ZipArchive;
    struct Close {
        void operator()(struct zip_file* file) const;
    };
    ZipMemberSource(ZipArchive& archive, const ZipMember& member, struct zip_file* file);
    std::size_t read_member(char* buffer, std::size_t capacity);

    ZipArchive& archive_;
    ZipMember member_;
    std::unique_ptr<struct zip_file, Close> file_;
    std::uint64_t expanded_ = 0;
    std::string head_;  // peeked bytes not yet read
    std::size_t head_position_ = 0;
};

}  // namespace patsub::xml

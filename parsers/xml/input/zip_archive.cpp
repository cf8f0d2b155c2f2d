#include "parsers/xml/input/zip_archive.h"

#include <zip.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace patsub::xml {

namespace {

std::string zip_error_text(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

// Member names end up in problems, quarantine reasons and log lines: a name carrying
// a newline or an escape sequence must not forge or garble them.
std::string printable_name(const char* raw) {
    std::string name = raw != nullptr ? raw : "";
    for (char& c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return name;
}

}  // namespace

void ZipArchive::Discard::operator()(zip_t* archive) const {
    zip_discard(archive);  // read-only: nothing to write back
}

void ZipMemberSource::Close::operator()(zip_file_t* file) const { zip_fclose(file); }

ZipArchive::ZipArchive(const std::filesystem::path& file, ExpansionLimits limits) : limits_(limits) {
    int code = 0;
    errno = 0;
    // ZIP_CHECKCONS: the local headers must agree with the central directory, so a
    // member cannot declare one size in the directory and carry another.
    archive_.reset(zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
    if (!archive_) {
        const int saved_errno = errno;  // before anything else can overwrite it
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
            throw std::system_error(saved_errno != 0 ? saved_errno : EIO, std::generic_category(),
                                    fmt::format("cannot open {}: {}", file.string(), zip_error_text(code)));
        throw CompressedInputError(fmt::format("not a readable zip archive: {}", zip_error_text(code)));
    }
    list_members();
}

ZipArchive::ZipArchive(std::string bytes, ExpansionLimits limits) : bytes_(std::move(bytes)), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source != nullptr) {
        archive_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
        if (!archive_) zip_source_free(source);  // zip_open_from_source took it only on success
    }
    if (!archive_) {
        const std::string text = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw CompressedInputError(fmt::format("not a readable zip archive: {}", text));
    }
    zip_error_fini(&error);
    list_members();
}

void ZipArchive::list_members() {
    const zip_int64_t count = zip_get_num_entries(archive_.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
            throw CompressedInputError(
                fmt::format("zip member {} cannot be listed: {}", i + 1, zip_strerror(archive_.get())));
        ZipMember m;
        m.index = static_cast<std::uint64_t>(i);
        m.name = printable_name((st.valid & ZIP_STAT_NAME) != 0 ? st.name : nullptr);
        if (m.name.empty()) m.name = fmt::format("(member {} without a name)", i + 1);
        m.size = (st.valid & ZIP_STAT_SIZE) != 0 ? st.size : 0;
        m.compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
        m.directory = m.name.back() == '/';
        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(archive_.get(), static_cast<zip_uint64_t>(i), 0, &system, &attributes) ==
                0 &&
            system == ZIP_OPSYS_UNIX)
            m.symlink = ((attributes >> 16) & 0170000u) == 0120000u;  // S_IFMT, S_IFLNK
        members_.push_back(std::move(m));
    }
}

ZipArchive::~ZipArchive() = default;

std::unique_ptr<ZipMemberSource> ZipArchive::open(const ZipMember& member) {
    // The directory's own figures first: a member declaring a bomb is refused before a
    // byte is inflated. What it actually produces is counted again while it is read.
    check_expansion(limits_, member.size, member.compressed_size, "zip member (declared sizes)");
    if (member.size > limits_.max_expanded_bytes - std::min(expanded_, limits_.max_expanded_bytes))
        throw CompressedInputError(fmt::format("refused: the archive's members together expand beyond the cap of "
                                               "{} bytes",
                                               limits_.max_expanded_bytes));
    zip_file_t* file = zip_fopen_index(archive_.get(), member.index, 0);
    if (file == nullptr)
        throw CompressedInputError(fmt::format("zip member cannot be opened: {}", zip_strerror(archive_.get())));
    return std::unique_ptr<ZipMemberSource>(new ZipMemberSource(*this, member, file));
}

ZipMemberSource::ZipMemberSource(ZipArchive& archive, const ZipMember& member, zip_file_t* file)
    : archive_(archive), member_(member), file_(file) {}

std::size_t ZipMemberSource::read_member(char* buffer, std::size_t capacity) {
    const zip_int64_t n = zip_fread(file_.get(), buffer, capacity);
    if (n < 0)
        throw CompressedInputError(fmt::format("zip member unreadable after {} expanded bytes: {}", expanded_,
                                               zip_file_strerror(file_.get())));
    const auto produced = static_cast<std::uint64_t>(n);
    if (produced > 0) {
        check_expansion(archive_.limits_, expanded_ + produced, member_.compressed_size, "zip member");
        if (archive_.expanded_ + produced > archive_.limits_.max_expanded_bytes)
            throw CompressedInputError(fmt::format("refused: the archive's members together expand beyond the cap "
                                                   "of {} bytes",
                                                   archive_.limits_.max_expanded_bytes));
        expanded_ += produced;
        archive_.expanded_ += produced;
    }
    return static_cast<std::size_t>(n);
}

std::size_t ZipMemberSource::read(char* buffer, std::size_t capacity) {
    if (head_position_ < head_.size()) {
        const std::size_t n = std::min(capacity, head_.size() - head_position_);
        std::copy_n(head_.data() + head_position_, n, buffer);
        head_position_ += n;
        return n;
    }
    return read_member(buffer, capacity);
}

std::string_view ZipMemberSource::peek(std::size_t count) {
    // Only before the first read: afterwards the head is gone.
    while (head_.size() < count && head_position_ == 0) {
        std::string chunk(count - head_.size(), '\0');
        const std::size_t n = read_member(chunk.data(), chunk.size());
        if (n == 0) break;
        head_.append(chunk, 0, n);
    }
    return std::string_view(head_).substr(head_position_, count);
}

}  // namespace patsub::xml

#include "parsers/xml/compressed_grant_file.h"

#include "parsers/xml/input/gzip_byte_source.h"
#include "parsers/xml/input/zip_archive.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace patsub::xml {

namespace {

// Passes everything on and remembers how far the documents got, so that a stream that
// fails halfway is refused as the document after the last one delivered.
class TallyingSink final : public DocumentSink {
public:
    explicit TallyingSink(DocumentSink& next) : next_(next) {}

    void on_document(RawDocument&& document, int index) override {
        seen(index);
        ++summary_.read;
        next_.on_document(std::move(document), index);
    }
    void on_refused(DocumentProblem problem) override {
        seen(problem.document_index);
        ++summary_.refused;
        next_.on_refused(std::move(problem));
    }
    void on_skipped(int index, long line, std::string why) override {
        seen(index);
        ++summary_.skipped;
        next_.on_skipped(index, line, std::move(why));
    }
    void on_member(std::string_view member) override { next_.on_member(member); }

    const GrantFileSummary& summary() const { return summary_; }

private:
    void seen(int index) { summary_.documents = std::max(summary_.documents, index); }

    DocumentSink& next_;
    GrantFileSummary summary_;
};

GrantFileSummary& operator+=(GrantFileSummary& total, const GrantFileSummary& part) {
    total.documents += part.documents;
    total.read += part.read;
    total.refused += part.refused;
    total.skipped += part.skipped;
    return total;
}

GrantFileSummary refuse_whole(std::string_view file, DocumentSink& sink, std::string cause) {
    sink.on_refused(DocumentProblem{std::string(file), 1, 0, 0, std::move(cause)});
    return GrantFileSummary{1, 0, 1, 0};
}

GrantFileSummary skip_whole(DocumentSink& sink, std::string why) {
    sink.on_skipped(1, 0, std::move(why));
    return GrantFileSummary{1, 0, 0, 1};
}

// read_grant_source over a decompressing source; a CompressedInputError ends the
// stream as one refused document.
GrantFileSummary read_decompressed(ByteSource& source, std::string_view file, DocumentSink& sink,
                                   const GrantFileOptions& options) {
    TallyingSink tally(sink);
    try {
        return read_grant_source(source, file, tally, options);
    } catch (const CompressedInputError& e) {
        GrantFileSummary summary = tally.summary();
        // Refused as the document after the last one delivered, or as the streamed
        // document the failure cut short (some of its records may have been delivered).
        const auto* cut = dynamic_cast<const InterruptedDocumentError*>(&e);
        const int index = cut != nullptr ? cut->document_index() : summary.documents + 1;
        summary.documents = std::max(summary.documents, index);
        ++summary.refused;
        sink.on_refused(DocumentProblem{std::string(file), index, 0, 0, e.what()});
        return summary;
    }
}

// XML (after an optional UTF-8 byte-order mark and white space) starts with '<'. Other
// members of a delivery are TIFF drawings, PDFs, checksums.
bool looks_like_xml(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const auto first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && head[first] == '<';
}

std::string describe_head(std::string_view head) {
    std::string shown;
    for (char c : head.substr(0, 8)) {
        const auto u = static_cast<unsigned char>(c);
        shown += u >= 0x20 && u < 0x7f ? std::string(1, c) : fmt::format("\\x{:02x}", u);
    }
    return shown;
}

}  // namespace

GrantFileSummary read_gzip_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                      const GrantFileOptions& options) {
    FileByteSource file(path);
    GzipByteSource expanded(file, "gzip stream", options.expansion);
    return read_decompressed(expanded, path.string(), sink, options);
}

namespace {

// An archive inside an archive inside an archive is as deep as a delivery goes; deeper
// nesting is refused rather than followed without end.
constexpr int max_zip_depth = 3;
// A nested zip is opened from memory: it may not exceed this many expanded bytes.
constexpr std::uint64_t max_nested_zip_bytes = std::uint64_t{256} << 20;

bool is_gzip(std::string_view head) { return head.starts_with("\x1f\x8b"); }
bool is_zip(std::string_view head) { return head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06"); }

// What the archive may still expand to: a nested archive or gzip member spends the
// budget of the archive around it, so the whole file stays inside ExpansionLimits.
ExpansionLimits remaining(const ExpansionLimits& limits, std::uint64_t spent) {
    ExpansionLimits rest = limits;
    rest.max_expanded_bytes = limits.max_expanded_bytes - std::min(spent, limits.max_expanded_bytes);
    return rest;
}

std::string slurp(ZipMemberSource& source, const std::string& file) {
    std::string bytes;
    std::string chunk(std::size_t{64} << 10, '\0');
    for (std::size_t n; (n = source.read(chunk.data(), chunk.size())) > 0;) {
        bytes.append(chunk, 0, n);
        if (bytes.size() > max_nested_zip_bytes)
            throw CompressedInputError(fmt::format("{}: nested zip archive expands beyond {} bytes", file,
                                                   max_nested_zip_bytes));
    }
    return bytes;
}

// Every member of `archive` is read: XML as documents, gzip members through their
// decompressor, zip members as archives of their own (to max_zip_depth). A member that
// is none of these (a TIFF drawing beside a CNIPA document) is skipped with its reason;
// a symlink member, or one that cannot be read whole, is refused, which quarantines the
// file with the member named.
GrantFileSummary read_zip_members(ZipArchive& archive, const std::string& archive_name, const std::string& prefix,
                                  DocumentSink& sink, const GrantFileOptions& options, int depth) {
    if (archive.members().empty()) return refuse_whole(archive_name, sink, "zip archive holds no member");
    GrantFileSummary total;
    for (const ZipMember& member : archive.members()) {
        const std::string file = archive_name + "!" + member.name;
        sink.on_member(prefix + member.name);
        if (member.symlink) {
            total += refuse_whole(file, sink, "symbolic link stored in the zip archive (it may name any file); "
                                              "the archive is not read");
            continue;
        }
        if (member.directory) {
            total += skip_whole(sink, "directory in the zip archive, not a document");
            continue;
        }
        std::unique_ptr<ZipMemberSource> source;
        std::string_view head;
        try {
            source = archive.open(member);
            head = source->peek(64);
        } catch (const CompressedInputError& e) {
            total += refuse_whole(file, sink, e.what());
            continue;
        }
        if (head.empty()) {
            total += skip_whole(sink, "empty member of the zip archive");
            continue;
        }
        if (is_gzip(head)) {
            GzipByteSource expanded(*source, "gzip member", remaining(options.expansion, archive.expanded_bytes()));
            total += read_decompressed(expanded, file, sink, options);
            continue;
        }
        if (is_zip(head)) {
            if (depth >= max_zip_depth) {
                total += refuse_whole(file, sink, fmt::format("zip archive nested more than {} deep, not read",
                                                              max_zip_depth));
                continue;
            }
            std::optional<ZipArchive> inner;
            try {
                inner.emplace(slurp(*source, file), remaining(options.expansion, archive.expanded_bytes()));
            } catch (const CompressedInputError& e) {
                total += refuse_whole(file, sink, std::string("nested zip archive: ") + e.what());
                continue;
            }
            total += read_zip_members(*inner, file, prefix + member.name + "!", sink, options, depth + 1);
            continue;
        }
        if (!looks_like_xml(head)) {
            total += skip_whole(sink, fmt::format("member is not XML (starts with \"{}\"), not read", describe_head(head)));
            continue;
        }
        total += read_decompressed(*source, file, sink, options);
    }
    return total;
}

}  // namespace

GrantFileSummary read_zip_grant_file(const std::filesystem::path& path, DocumentSink& sink,
                                     const GrantFileOptions& options) {
    const std::string archive_name = path.string();
    std::optional<ZipArchive> archive;
    try {
        archive.emplace(path, options.expansion);
    } catch (const CompressedInputError& e) {
        return refuse_whole(archive_name, sink, e.what());
    }
    return read_zip_members(*archive, archive_name, "", sink, options, 1);
}

}  // namespace patsub::xml

// Helpers shared by the XML layer's tests: a sink that keeps everything it is told, a
// way to read a string as if it were an inbox file, and a USPTO grant built on the real
// v4.2 layout (same elements, same order, same DOCTYPE) for the inline edge cases.
#pragma once

#include "parsers/xml/grant_file_reader.h"
#include "parsers/xml/input/byte_source.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patsub::xml::test {

// Serves its bytes `piece` at a time (a slow decompressor, the splitter's smallest
// chunks) and, when `fail_after` is given, throws "source broke" once that many were
// served: a source that breaks halfway.
class PieceSource final : public ByteSource {
public:
    explicit PieceSource(std::string bytes, std::size_t piece = std::string::npos,
                         std::size_t fail_after = std::string::npos)
        : bytes_(std::move(bytes)), piece_(piece), fail_after_(fail_after) {}
    std::size_t read(char* buffer, std::size_t capacity) override {
        if (position_ >= fail_after_) throw std::runtime_error("source broke");
        const std::size_t n = std::min({capacity, piece_, bytes_.size() - position_, fail_after_ - position_});
        std::memcpy(buffer, bytes_.data() + position_, n);
        position_ += n;
        return n;
    }

private:
    std::string bytes_;
    std::size_t piece_;
    std::size_t fail_after_;
    std::size_t position_ = 0;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct Skipped {
    int index;
    long line;
    std::string why;
};

class CollectingSink final : public DocumentSink {
public:
    std::vector<std::pair<int, RawDocument>> documents;
    std::vector<DocumentProblem> refused;
    std::vector<Skipped> skipped;

    void on_document(RawDocument&& document, int index) override { documents.emplace_back(index, std::move(document)); }
    void on_refused(DocumentProblem problem) override { refused.push_back(std::move(problem)); }
    void on_skipped(int index, long line, std::string why) override { skipped.push_back({index, line, std::move(why)}); }

    // Every string the sink received, for "this must never appear" checks.
    std::string everything() const {
        std::string all;
        for (const auto& [index, d] : documents) {
            for (const std::string* s : {&d.format, &d.office, &d.number, &d.kind, &d.date, &d.application_number,
                                         &d.application_date, &d.title, &d.declared_type, &d.pct_application, &d.family_id})
                all += *s + "\n";
            all += std::to_string(d.record) + "\n";
            for (const RawParty& p : d.patentees) {
                all += p.name + p.address + p.city + p.country + "\n";
                for (const std::string& name : p.names) all += name + "\n";
            }
            for (const RawPriority& p : d.priorities) all += p.country + p.number + p.date + "\n";
        }
        for (const DocumentProblem& p : refused) all += std::to_string(p.record) + p.cause + "\n";
        for (const Skipped& s : skipped) all += s.why + "\n";
        return all;
    }
};

inline CollectingSink read_string(std::string bytes, GrantFileOptions options = {}) {
    MemoryByteSource source(std::move(bytes));
    CollectingSink sink;
    read_grant_source(source, "inline.xml", sink, options);
    return sink;
}

// The one record of a document that must read cleanly (a copy: the sink is often a
// temporary).
inline RawDocument only_document(const CollectingSink& sink) {
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.refused.empty());
    REQUIRE(sink.documents.size() == 1);
    return sink.documents[0].second;
}

// 1-based line of the first occurrence of `needle` in `text`.
inline long line_of(std::string_view text, std::string_view needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string_view::npos);
    return 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

struct UsGrantParts {
    std::string number = "07864699";
    std::string title = "Method and device for information transfer";
    std::string doctype = "<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v42-2006-08-23.dtd\" [ ]>\n";
    std::string before_title{};  // inside us-bibliographic-data-grant, before invention-title
    std::string after_biblio{};  // between the bibliographic block and the description
    std::string description = "<p id=\"p-0001\" num=\"0001\">The invention relates to &#x201c;information&#x201d;.</p>\n";
    bool publication_reference = true;
};

// A utility grant cut down from US07864699 (v4.2): publication and application
// references, a priority claim, title, citations, applicants, one assignee, description.
inline std::string us_grant(const UsGrantParts& parts = {}) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + parts.doctype +
                    "<us-patent-grant lang=\"EN\" dtd-version=\"v4.2 2006-08-23\" file=\"US" + parts.number +
                    "-20110104.XML\" status=\"PRODUCTION\" id=\"us-patent-grant\" country=\"US\" "
                    "date-produced=\"20101220\" date-publ=\"20110104\">\n"
                    "<us-bibliographic-data-grant>\n";
    if (parts.publication_reference)
        s += "<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>" + parts.number +
             "</doc-number>\n<kind>B2</kind>\n<date>20110104</date>\n</document-id>\n</publication-reference>\n";
    s += "<application-reference appl-type=\"utility\">\n<document-id>\n<country>US</country>\n"
         "<doc-number>12840608</doc-number>\n<date>20100721</date>\n</document-id>\n</application-reference>\n"
         "<us-application-series-code>12</us-application-series-code>\n"
         "<priority-claims>\n<priority-claim sequence=\"01\" kind=\"national\">\n<country>CN</country>\n"
         "<doc-number>2007 1 0146763</doc-number>\n<date>20070815</date>\n</priority-claim>\n</priority-claims>\n" +
         parts.before_title + "<invention-title id=\"d2e79\">" + parts.title + "</invention-title>\n" +
         "<references-cited>\n<citation>\n<patcit num=\"00001\">\n<document-id>\n<country>US</country>\n"
         "<doc-number>6006090</doc-number>\n<kind>A</kind>\n<name>Coleman et al.</name>\n<date>19991200</date>\n"
         "</document-id>\n</patcit>\n<category>cited by examiner</category>\n</citation>\n</references-cited>\n"
         "<parties>\n<applicants>\n<applicant sequence=\"001\" app-type=\"applicant-inventor\" designation=\"us-only\">\n"
         "<addressbook>\n<last-name>Hu</last-name>\n<first-name>Weihua</first-name>\n<address>\n<city>Shenzhen</city>\n"
         "<country>CN</country>\n</address>\n</addressbook>\n<nationality>\n<country>omitted</country>\n</nationality>\n"
         "<residence>\n<country>CN</country>\n</residence>\n</applicant>\n</applicants>\n</parties>\n"
         "<assignees>\n<assignee>\n<addressbook>\n<orgname>Huawei Technologies Co., Ltd.</orgname>\n<role>03</role>\n"
         "<address>\n<city>Shenzhen</city>\n<country>CN</country>\n</address>\n</addressbook>\n</assignee>\n</assignees>\n"
         "</us-bibliographic-data-grant>\n" +
         parts.after_biblio + "<description id=\"description\">\n" + parts.description + "</description>\n" +
         "</us-patent-grant>\n";
    return s;
}

// The directory holding the real samples, or nothing (the caller then skips visibly).
inline std::optional<std::filesystem::path> samples_dir() {
#ifdef PATSUB_SHARED_DIR
    std::filesystem::path dir = std::filesystem::path(PATSUB_SHARED_DIR) / "samples-real";
    if (std::filesystem::is_directory(dir)) return dir;
#endif
    return std::nullopt;
}

}  // namespace patsub::xml::test

#include "parsers/grant_file.h"

#include "parsers/grant_normaliser.h"

namespace patsub {

namespace {

// Passes each raw document through the normaliser on its way to the handler.
class NormalisingSink : public xml::DocumentSink {
  public:
    NormalisingSink(const std::string& shown, GrantHandler& h, FileTally& t)
        : shown_(shown), current_(shown), handler_(h), tally_(t) {}

    void on_document(xml::RawDocument&& raw, int index) override {
        auto g = normalise(raw, SourcePosition{current_, index, raw.line});
        if (!g) {
            ++tally_.refused;
            handler_.on_problem(DocumentProblem{current_, index, raw.line, 0, g.error, raw.record});
            return;
        }
        ++tally_.grants;
        handler_.on_grant(std::move(*g.value));
    }

    void on_refused(xml::DocumentProblem p) override {
        ++tally_.refused;
        p.file = current_;
        handler_.on_problem(p);
    }

    void on_skipped(int index, long line, std::string why) override {
        ++tally_.skipped;
        handler_.on_skipped(index, line, why);
    }

    // Each zip member is named as if it were a file of its own (compressed_grant_file.h).
    void on_member(std::string_view member) override {
        current_ = member.empty() ? shown_ : shown_ + "!" + std::string(member);
        handler_.on_member(current_);
    }

  private:
    const std::string& shown_;
    std::string current_;
    GrantHandler& handler_;
    FileTally& tally_;
};

}  // namespace

FileTally read_grants(const std::filesystem::path& file, const std::string& shown_name, GrantHandler& handler) {
    FileTally tally;
    NormalisingSink sink(shown_name, handler, tally);
    xml::read_grant_file(file, sink);
    // A patent document here is a record: one per XML document for most formats, many in
    // a DOCDB bulk file or an OPS / KIPRIS response. Every record, and every XML document
    // refused or skipped as a whole, reaches the sink exactly once.
    tally.documents = tally.grants + tally.refused + tally.skipped;
    return tally;
}

}  // namespace patsub

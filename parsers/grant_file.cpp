#include "parsers/grant_file.h"

#include "parsers/grant_normaliser.h"

namespace patsub {

namespace {

// Passes each raw document through the normaliser on its way to the handler.
class NormalisingSink : public xml::DocumentSink {
  public:
    NormalisingSink(const std::string& shown, GrantHandler& h, FileTally& t) : shown_(shown), handler_(h), tally_(t) {}

    void on_document(xml::RawDocument&& raw, int index) override {
        auto g = normalise(raw, SourcePosition{shown_, index, raw.line});
        if (!g) {
            ++tally_.refused;
            handler_.on_problem(DocumentProblem{shown_, index, raw.line, 0, g.error});
            return;
        }
        ++tally_.grants;
        handler_.on_grant(std::move(*g.value));
    }

    void on_refused(xml::DocumentProblem p) override {
        ++tally_.refused;
        p.file = shown_;
        handler_.on_problem(p);
    }

    void on_skipped(int index, long line, std::string why) override {
        ++tally_.skipped;
        handler_.on_skipped(index, line, why);
    }

  private:
    const std::string& shown_;
    GrantHandler& handler_;
    FileTally& tally_;
};

}  // namespace

FileTally read_grants(const std::filesystem::path& file, const std::string& shown_name, GrantHandler& handler) {
    FileTally tally;
    NormalisingSink sink(shown_name, handler, tally);
    const auto summary = xml::read_grant_file(file, sink);
    tally.documents = summary.documents;
    return tally;
}

}  // namespace patsub

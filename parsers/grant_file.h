// Reading one inbox grant file into normalised Grants: the XML readers' RawDocuments
// pass through the identifier normaliser here, so callers see either a Grant or a
// problem with file, document, line and cause. The parsers' single exit.
#pragma once

#include "model/grant.h"
#include "parsers/xml/grant_file_reader.h"

#include <filesystem>
#include <string>

namespace patsub {

// Why one document of a file could not be read; the file goes to quarantine with it.
using DocumentProblem = xml::DocumentProblem;

class GrantHandler {
  public:
    virtual ~GrantHandler() = default;
    virtual void on_grant(Grant&& g) = 0;
    virtual void on_problem(const DocumentProblem& p) = 0;
    // A document that is known not to be a patent document (a USPTO sequence listing).
    virtual void on_skipped(int /*document*/, long /*line*/, const std::string& /*why*/) {}
    // The documents that follow come from this zip member, shown as "archive.zip!member".
    virtual void on_member(const std::string& /*shown*/) {}
};

struct FileTally {
    int documents = 0;
    int grants = 0;
    int refused = 0;
    int skipped = 0;
};

// shown_name is how the file is named in problems and sources (inbox-relative path).
FileTally read_grants(const std::filesystem::path& file, const std::string& shown_name, GrantHandler& handler);

}  // namespace patsub

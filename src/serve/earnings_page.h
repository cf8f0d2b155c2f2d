// EarningsPage: the workbench's "what would it earn" page (资助测算, issue 14 point 7), the
// page form of `patsub check --policy`: a grant file a person uploads (an enterprise's
// own export, a delivery staff want to understand before the nightly takes it) is read as
// the nightly reads files, and each document is answered with the clause, outcome, amount
// and reason the rules give it on a ledger that holds nothing, under the policy the
// workbench serves and the ledger's latest payee registry, on the bureau's today. Nothing
// is written to the ledger. Documents the readers refuse are listed with their document,
// line, column and cause, as the nightly's quarantine report lists them.
#pragma once

#include "classify/kind_table.h"
#include "decide/earnings_question.h"
#include "export/review_texts.h"
#include "parsers/grant_file.h"
#include "serve/page_frame.h"

#include <filesystem>
#include <string>
#include <vector>

namespace patsub::serve {

// The largest file the page takes: a few documents or an enterprise's grants, not a
// weekly delivery (that is `patsub check`'s work, or the nightly's).
inline constexpr std::size_t kUploadLimit = 8 * 1024 * 1024;

// What the answer was asked under, shown above it.
struct EarningsBasis {
    std::string policy_version;  // in force on `as_of`
    Date as_of;
    std::string registry;        // the latest snapshot's path, "" when the ledger has none
    std::size_t payees = 0;
};

class EarningsReading final : public GrantHandler {
  public:
    // A document listed per row; past `kRowsShown` only counted.
    static constexpr std::size_t kRowsShown = 1000;
    static constexpr std::size_t kProblemsShown = 100;

    struct Row {
        Grant grant;
        Classification classification;
        WouldEarn earns;
    };

    EarningsReading(const KindTable& kinds, const Policy& policy, const EarningsQuestion& question)
        : kinds_(kinds), policy_(policy), question_(question) {}

    void on_grant(Grant&& g) override;
    void on_problem(const DocumentProblem& p) override;
    void on_skipped(int document, long line, const std::string& why) override;

    const std::vector<Row>& rows() const { return rows_; }
    const std::vector<DocumentProblem>& problems() const { return problems_; }
    std::size_t documents() const { return documents_; }
    std::size_t refused() const { return refused_; }
    std::size_t skipped() const { return skipped_; }
    std::size_t in_scope() const { return in_scope_; }
    std::size_t payable() const { return payable_; }
    Money payable_total() const { return total_; }

  private:
    const KindTable& kinds_;
    const Policy& policy_;
    const EarningsQuestion& question_;
    std::vector<Row> rows_;
    std::vector<DocumentProblem> problems_;
    std::size_t documents_ = 0, refused_ = 0, skipped_ = 0, in_scope_ = 0, payable_ = 0;
    Money total_;
};

// The upload form, with what the answer would be asked under.
std::string earnings_form(const Visit& v, const EarningsBasis& basis);
// The form again, then the answer for `shown` (the uploaded file's name as the person gave it).
std::string earnings_answer(const Visit& v, const EarningsBasis& basis, const std::string& shown,
                            const EarningsReading& reading, const exports::ReviewTexts& texts);

// The uploaded file's name as it may be shown: its last path component, without control
// characters, at most 120 characters; "upload" when nothing is left.
std::string shown_upload_name(std::string_view filename);

}  // namespace patsub::serve

// EarningsPage: the workbench's "what would it earn" page (资助测算, issue 14 point 7), the
// page form of `patsub check --policy`: a grant file a person uploads (an enterprise's
// own export, a delivery staff want to understand before the nightly takes it) is read as
// the nightly reads files, and each document is answered with the clause, outcome, amount
// and reason the rules give it on a ledger that holds nothing, under the policy the
// workbench serves and the ledger's latest payee registry, on the bureau's today. Nothing
// is written to the ledger. Documents the readers refuse are listed with their document,
// line, column and cause, as the nightly's quarantine report lists them.
#pragma once

#include "export/review_texts.h"
#include "serve/earnings_reading.h"
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

// The upload form, with what the answer would be asked under.
std::string earnings_form(const Visit& v, const EarningsBasis& basis);
// The form again, then the answer for `shown` (the uploaded file's name as the person gave it).
std::string earnings_answer(const Visit& v, const EarningsBasis& basis, const std::string& shown,
                            const EarningsReading& reading, const exports::ReviewTexts& texts);

// The uploaded file's name as it may be shown: its last path component, without control
// characters, at most 120 characters; "upload" when nothing is left.
std::string shown_upload_name(std::string_view filename);

}  // namespace patsub::serve

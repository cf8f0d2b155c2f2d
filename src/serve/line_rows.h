// LineRows: a payment line as a row of the batch page's and the company page's tables,
// and the words for its status and reason code that the line page shows too.
#pragma once

#include "export/review_texts.h"
#include "ledger/workbench_store.h"
#include "serve/messages.h"

#include <string>

namespace patsub::serve {

// A line's status in the staff's words, escaped (the code itself when the catalog has none).
std::string status_word(Lang lang, const std::string& status);

// A reason code in the staff's words from reasons.csv, escaped ("" for none, the code for
// one the file does not know).
std::string reason_words(const exports::ReviewTexts& texts, Lang lang, const std::string& code);

// The table row; `with_batch` adds the batch's column (the company page spans batches).
std::string line_row(const exports::ReviewTexts& texts, Lang lang, const ledger::LineRow& r, bool with_batch);

}  // namespace patsub::serve

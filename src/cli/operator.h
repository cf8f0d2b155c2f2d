// The person at the terminal, as the operating system knows them: what the ledger
// records for an operator's act (a recovery, an acknowledgement) besides their words.
#pragma once

#include <string>

namespace patsub::cli {

// "user@host" of the effective user, e.g. "patsub@bureau-srv".
std::string operator_identity();

}  // namespace patsub::cli

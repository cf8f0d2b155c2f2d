// OperatorIdentity: who is at the keyboard, as the operating system says, for the records
// that must name a person or a machine (`init`, `acknowledge`). Never a name the command
// line could make up.
#pragma once

#include <string>

namespace patsub::cli {

// The effective user's login name, or "uid N" when the passwd database has none.
std::string os_user();
// This machine's host name.
std::string host_name();

}  // namespace patsub::cli

// OperatorIdentity: who is at the keyboard, as the operating system says, for the records
// that must name a person or a machine (`init`, `acknowledge`). Never a name the command
// line could make up.
#pragma once

#include "config/settings.h"
#include "model/actor.h"

#include <string>

namespace patsub::cli {

// The effective user's login name, or "uid N" when the passwd database has none.
std::string os_user();
// This machine's host name.
std::string host_name();

// The person at the command line as the chain records them: the OS user, role `script`,
// on this host. `hold`, `release` and `approve` record it beside their `--by` text, which
// anybody can type (issue 13 point 3).
Actor command_line_actor();

// `cli_approvals = false` in the settings: only the workbench holds, releases and
// approves. Throws UsageError naming the settings file.
void require_cli_approvals(const config::Settings& settings, const char* command);

}  // namespace patsub::cli

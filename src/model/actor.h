// Actor: the person behind an action the ledger records — who, in which role, through
// which door (the workbench or the command line) and from where. Every staff action,
// login and download names one, so that an auditor can always ask "who did this, as
// what?" and two-person approval can compare people rather than free text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patsub {

// Issue 13 point 3: reviewers hold, release, annotate, mark reviewed and publish the
// notice; approvers approve; auditors read and verify; admins manage people only.
// `script` is the command line (cron, an operator's shell), named by the OS user.
enum class Role { reviewer, approver, auditor, admin, script };

std::string_view role_name(Role r);
std::optional<Role> role_from_name(std::string_view s);

enum class Door { workbench, command_line };

struct Actor {
    std::string name;     // a workbench user name, or the OS login for the command line
    Role role = Role::script;
    Door door = Door::command_line;
    std::string address;  // client address (workbench) or host name (command line)
};

}  // namespace patsub

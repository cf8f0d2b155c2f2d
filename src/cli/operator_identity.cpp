#include "cli/operator_identity.h"

#include "cli/command.h"

#include <fmt/format.h>

#include <pwd.h>
#include <unistd.h>

#include <climits>
#include <string>
#include <vector>

namespace patsub::cli {

std::string os_user() {
    const uid_t uid = ::geteuid();
    std::vector<char> buf(16384);
    passwd pw{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found != nullptr && found->pw_name != nullptr)
        return found->pw_name;
    return "uid " + std::to_string(uid);
}

std::string host_name() {
    char name[HOST_NAME_MAX + 1] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "unknown host";
    return name;
}

Actor command_line_actor() { return Actor{os_user(), Role::script, Door::command_line, host_name()}; }

void require_cli_approvals(const config::Settings& settings, const char* command) {
    if (settings.cli_approvals) return;
    throw UsageError(fmt::format("{}: turned off by `cli_approvals = false` in {}: holds, releases and approvals are "
                                 "made in the workbench (patsub serve), by named people",
                                 command, settings.file.string()));
}

}  // namespace patsub::cli

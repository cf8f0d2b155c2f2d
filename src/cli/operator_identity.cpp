#include "cli/operator_identity.h"

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

}  // namespace patsub::cli

#include "cli/operator.h"

#include <pwd.h>
#include <unistd.h>

#include <array>

namespace patsub::cli {

std::string operator_identity() {
    std::string user = "uid " + std::to_string(::geteuid());
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) user = pw->pw_name;
    std::array<char, 256> host{};
    if (::gethostname(host.data(), host.size() - 1) != 0) return user;
    return user + "@" + host.data();
}

}  // namespace patsub::cli

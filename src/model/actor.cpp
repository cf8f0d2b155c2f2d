#include "model/actor.h"

#include <array>
#include <utility>

namespace patsub {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 5> kRoles{{
    {Role::reviewer, "reviewer"},
    {Role::approver, "approver"},
    {Role::auditor, "auditor"},
    {Role::admin, "admin"},
    {Role::script, "script"},
}};
}  // namespace

std::string_view role_name(Role r) {
    for (const auto& [role, name] : kRoles)
        if (role == r) return name;
    return "script";
}

std::optional<Role> role_from_name(std::string_view s) {
    for (const auto& [role, name] : kRoles)
        if (name == s) return role;
    return std::nullopt;
}

}  // namespace patsub

#include "serve/access.h"

namespace patsub::serve {

bool may(Role role, Permission p) {
    switch (role) {
    case Role::reviewer:
        return p == Permission::read || p == Permission::hold || p == Permission::annotate ||
               p == Permission::mark_reviewed || p == Permission::download;
    case Role::approver: return p == Permission::read || p == Permission::approve || p == Permission::download;
    case Role::auditor: return p == Permission::read || p == Permission::verify || p == Permission::download;
    case Role::admin: return p == Permission::manage_users;
    case Role::script: return false;  // the command line never comes through the workbench
    }
    return false;
}

std::string_view permission_name(Permission p) {
    switch (p) {
    case Permission::read: return "read";
    case Permission::hold: return "hold";
    case Permission::annotate: return "annotate";
    case Permission::mark_reviewed: return "mark_reviewed";
    case Permission::approve: return "approve";
    case Permission::verify: return "verify";
    case Permission::download: return "download";
    case Permission::manage_users: return "manage_users";
    }
    return "?";
}

}  // namespace patsub::serve

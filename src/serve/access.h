// Access: what each role may do on the workbench (issue 13 point 3) — reviewers hold,
// release, annotate and mark a batch reviewed; approvers approve; auditors read
// everything and run verify; admins manage people and nothing else. One table, asked by
// every route and by the route-by-role test.
#pragma once

#include "model/actor.h"

#include <string_view>

namespace patsub::serve {

enum class Permission { read, hold, annotate, mark_reviewed, approve, verify, download, manage_users };

bool may(Role role, Permission p);
std::string_view permission_name(Permission p);

}  // namespace patsub::serve

// Refusal: a request the workbench answers with a message instead of a page — the status
// and the message, already escaped. Thrown by a page or an action before it writes
// anything; WorkbenchContext::answer() turns it into the error page.
#pragma once

#include <string>

namespace patsub::serve {

struct Refusal {
    int status;
    std::string html;
};

}  // namespace patsub::serve

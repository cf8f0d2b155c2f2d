// The clause texts staff and enterprises read (policy file, explain, notice) carry the
// measure's conditions as it words them (issue 14 point 6): a text that drops "且无权利纠纷"
// tells an enterprise it is paid when it is not.
#include "policy/policy.h"

#include <doctest/doctest.h>

#include <string>

using namespace patsub;

TEST_CASE("every clause text of the shipped policy names its condition") {
    const Policy p = Policy::load(PATSUB_SOURCE_DIR "/samples/policy/kunming-measure8.xml",
                                  PATSUB_SOURCE_DIR "/schemas/policy.xsd");
    for (const auto& v : p.versions()) {
        for (const auto& c : v.clauses) {
            CAPTURE(c.id);
            CAPTURE(c.text);
            const auto has = [&](const char* s) { return c.text.find(s) != std::string::npos; };
            if (c.id == "8.1" || c.id == "8.2" || c.id == "8.3" || c.id == "8.4" || c.id == "8.6")
                CHECK(has("且无权利纠纷"));
            else if (c.id == "8.7" || c.id == "8.8")
                CHECK(has("不属于非正常专利申请"));
            else if (c.id == "8.9" || c.id == "8.10") {
                CHECK(c.text.rfind("对认定的", 0) == 0);
                CHECK_FALSE(has("新认定"));
            }
        }
    }
}

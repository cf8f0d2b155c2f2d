// The check page's upload name (issue 14 point 7): shown as the person named the file,
// never as a path, markup left to the page's escaping, and never cut inside a character.
#include "serve/earnings_page.h"

#include <doctest/doctest.h>

using patsub::serve::shown_upload_name;

TEST_CASE("an uploaded file is shown by its own name, without a path or control characters") {
    CHECK(shown_upload_name("ipg230110.xml") == "ipg230110.xml");
    CHECK(shown_upload_name("../../etc/授权公告.xml") == "授权公告.xml");
    CHECK(shown_upload_name("C:\\Users\\张三\\下载\\CN215634829U.xml") == "CN215634829U.xml");
    CHECK(shown_upload_name("a\r\nb\x7f.xml") == "ab.xml");
    CHECK(shown_upload_name("") == "upload");
    CHECK(shown_upload_name("dir/") == "upload");
    CHECK(shown_upload_name("<img src=x>.xml") == "<img src=x>.xml");  // escaped where shown
}

TEST_CASE("a long name is cut at 120 characters, whole characters only") {
    std::string name;
    for (int i = 0; i < 200; ++i) name += "专";
    const std::string shown = shown_upload_name(name);
    CHECK(shown.size() == 120 * std::string("专").size());
    const std::string broken = std::string(119, 'a') + "专利";
    CHECK(shown_upload_name(broken) == std::string(119, 'a') + "专");
    // A name that ends inside a character (a forged request) loses the broken tail.
    CHECK(shown_upload_name("ab\xe4\xb8") == "ab");
}

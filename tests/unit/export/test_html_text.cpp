#include "export/bar_chart.h"
#include "export/html_page.h"
#include "export/html_text.h"
#include "model/sha256.h"

#include <doctest/doctest.h>

using namespace patsub::exports;

TEST_CASE("HTML escaping covers text and quoted attribute contexts") {
    CHECK(html_escape("<script>window.__pwned=1</script>") == "&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    CHECK(html_escape("\"onmouseover=\"window.__pwned=2") == "&quot;onmouseover=&quot;window.__pwned=2");
    CHECK(html_escape("<img src=x onerror=window.__pwned=3>") == "&lt;img src=x onerror=window.__pwned=3&gt;");
    CHECK(html_escape("a'b&c") == "a&#39;b&amp;c");
    CHECK(html_escape("&amp;") == "&amp;amp;");
    CHECK(html_escape("昆明\t\n") == "昆明\t\n");
    CHECK(html_escape(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
    CHECK(html_escape("\x1b[31m") == "\xEF\xBF\xBD[31m");
}

TEST_CASE("JSON inside a script element cannot end or change the element") {
    CHECK(script_json(R"({"t":"</script><script>x()</script>"})") ==
          R"({"t":"\u003c/script\u003e\u003cscript\u003ex()\u003c/script\u003e"})");
    CHECK(script_json(R"({"t":"<!-- a & b -->"})") == R"({"t":"\u003c!-- a \u0026 b --\u003e"})");
    CHECK(script_json("\"a\xE2\x80\xA8" "b\xE2\x80\xA9" "c\"") == "\"a\\u2028b\\u2029c\"");
    CHECK(script_json("\"\xE2\x80\x94 昆明\"") == "\"\xE2\x80\x94 昆明\"");  // other characters stay
}

TEST_CASE("base64 of RFC 4648 test vectors") {
    CHECK(base64("") == "");
    CHECK(base64("f") == "Zg==");
    CHECK(base64("fo") == "Zm8=");
    CHECK(base64("foo") == "Zm9v");
    CHECK(base64("foob") == "Zm9vYg==");
    CHECK(base64("fooba") == "Zm9vYmE=");
    CHECK(base64("foobar") == "Zm9vYmFy");
}

TEST_CASE("a page allows only its own script, by hash, and loads nothing") {
    PageParts p;
    p.title = "<b>t</b>";
    p.body = "<p>x</p>";
    p.script = "console.log(1);";
    p.data_script = R"({"a":"</script>"})";
    const std::string html = html_page(p);
    CHECK(html.find("<title>&lt;b&gt;t&lt;/b&gt;</title>") != std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    // sha256("console.log(1);") in base64, computed independently with openssl.
    CHECK(html.find("script-src 'sha256-NcFG924SlHfGQGG8hFEeEJDz1NgFlxPmZj3Us1sfdkI='") != std::string::npos);
    CHECK(html.find("<script>console.log(1);</script>") != std::string::npos);
    CHECK(html.find(R"({"a":"\u003c/script\u003e"})") != std::string::npos);
    PageParts no_script;
    CHECK(html_page(no_script).find("script-src 'none'") != std::string::npos);
}

TEST_CASE("the bar chart escapes labels and scales bars to the largest amount") {
    const std::string svg = svg_bar_chart("A & B", {{"<b>8.1</b>", 3000000}, {"8.6", 300000}, {"8.7", -60000}});
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("&lt;b&gt;8.1&lt;/b&gt;") != std::string::npos);
    CHECK(svg.find("A &amp; B") != std::string::npos);
    CHECK(svg.find("width=\"330\"") != std::string::npos);  // the largest bar fills the area
    CHECK(svg.find("width=\"33\"") != std::string::npos);   // a tenth of it
    CHECK(svg.find("-600.00") != std::string::npos);
    CHECK(svg.find("#b8462e") != std::string::npos);        // a recovery draws in its own colour
    CHECK(svg_bar_chart("empty", {}).find("no amounts") != std::string::npos);
    // A long label widens the label column instead of being cut off at the left.
    const std::string wide = svg_bar_chart("t", {{"禄劝彝族苗族自治县 Luquan Yi and Miao Autonomous County (530128)", 1}});
    const std::string narrow = svg_bar_chart("t", {{"8.1", 1}});
    CHECK(wide.find("<rect x=\"") != std::string::npos);
    const auto rect_x = [](const std::string& svg) { return std::stoi(svg.substr(svg.find("<rect x=\"") + 9)); };
    CHECK(rect_x(wide) > rect_x(narrow) + 200);
}

#include "export/json_line.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

using patsub::exports::JsonLine;

namespace {

std::string nlohmann_line(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_line(const std::string& s) {
    JsonLine j;
    j.string(s);
    return j.text();
}

}  // namespace

TEST_CASE("a string is written as nlohmann writes it, escapes and broken UTF-8 included") {
    const std::vector<std::string> cases = {
        "", "CN113061234B", "昆明滇池智能装备有限公司", "a\"b", "a\\b", std::string("nul\0x", 5), "\t\r\n\x1f", "\x7f",
        "𝄞", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF",                             // valid: 4 bytes, U+FFFF, U+10FFFF
        "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",  // overlong, surrogate, > U+10FFFF, 5 bytes
        "\x80", "abc\xE4\xB8", "\xE4\xB8" "x", "<script>\"</script>",
    };
    for (const auto& s : cases) {
        CAPTURE(s);
        CHECK(json_line(s) == nlohmann_line(s));
    }
}

TEST_CASE("random strings of the bytes that matter are written as nlohmann writes them") {
    // Pieces chosen to hit every branch of the plain-string test, in any order and cut
    // anywhere: a differential test against the writer whose bytes the output had.
    const std::vector<std::string> pieces = {"a", "Z", " ", "\"", "\\", "/", std::string(1, '\0'), "\x01", "\x1f", "\x7f",
                                             "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF",
                                             "\xED\xA0\x80", "\xF0\x90\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF",
                                             "\xF4\x90\x80\x80", "\xC1\xBF", "\xF5", "\xFF", "\x80", "\xBF", "中", "\xE4"};
    std::mt19937 random(20261207);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const int length = static_cast<int>(random() % 8);
        for (int i = 0; i < length; ++i) s += pieces[random() % pieces.size()];
        CAPTURE(s);
        REQUIRE(json_line(s) == nlohmann_line(s));
    }
}

TEST_CASE("long strings: a byte that matters at every position of a plain ASCII run") {
    // The byte that needs a look (an escape, a control, DEL, a UTF-8 lead or a broken
    // sequence) at every position of runs longer than the random strings above reach.
    const std::vector<std::string> special = {"\"", "\\", std::string(1, '\0'), "\x1f", "\x7f", "\xC2\x80", "中", "\xE4",
                                              "\x80", "\xFF", "\xED\xA0\x80", "\xF0\x90\x80\x80"};
    const std::string run = "0123456789ABCDEFabcdefghijklmnopqrstuvwxyz -/:;<=>?@[]^_`{|}~";
    for (const std::string& odd : special) {
        for (std::size_t at = 0; at <= run.size(); ++at) {
            std::string s = run.substr(0, at) + odd + run.substr(at) + run;
            CAPTURE(s);
            REQUIRE(json_line(s) == nlohmann_line(s));
        }
    }
    CHECK(json_line(run + run) == nlohmann_line(run + run));
}

TEST_CASE("an object with arrays, booleans and numbers is nlohmann's ordered dump") {
    JsonLine j;
    j.open_object();
    j.field("id", "CN113061234B");
    j.key("known_kind");
    j.boolean(true);
    j.key("amount_fen");
    j.integer(-300000);
    j.key("priorities");
    j.open_array();
    j.close_array();
    j.key("patentees");
    j.open_array();
    for (const char* name : {"昆明\"甲\"", "B\xFF"}) {
        j.open_object();
        j.field("name", name);
        j.field("city", "");
        j.close_object();
    }
    j.close_array();
    j.close_object();

    nlohmann::ordered_json o = {{"id", "CN113061234B"}, {"known_kind", true}, {"amount_fen", -300000},
                                {"priorities", nlohmann::ordered_json::array()}};
    o["patentees"] = nlohmann::ordered_json::array();
    for (const char* name : {"昆明\"甲\"", "B\xFF"}) o["patentees"].push_back({{"name", name}, {"city", ""}});
    CHECK(j.text() == o.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));

    j.clear();
    j.open_array();
    j.close_array();
    CHECK(j.text() == "[]");
}

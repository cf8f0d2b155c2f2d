// The byte searches that touch every byte on its way to libxml2 (parsers/xml/guard/
// byte_scan.h), against the plain loops they replace, on every alignment and length
// around their 16-byte blocks and 255-block tallies.
#include "parsers/xml/guard/byte_scan.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

namespace patsub::xml {
namespace {

// Bytes drawn mostly from the few that matter, so that matches are dense, sparse or absent.
std::string random_bytes(std::mt19937& random, std::size_t size, std::string_view alphabet) {
    std::string bytes(size, ' ');
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    for (char& c : bytes) c = alphabet[pick(random)];
    return bytes;
}

}  // namespace

TEST_CASE("count_up_to counts as a loop does, and stops at limit + 1") {
    std::mt19937 random(17);
    for (const std::string_view alphabet : {"=", "=ab", "a=bcdefghijklmno\n", "abc"}) {
        for (const std::size_t size : {0, 1, 15, 16, 17, 31, 33, 4080, 4096, 4111, 9000}) {
            const std::string bytes = random_bytes(random, size + 3, alphabet);
            for (const std::size_t offset : {0, 1, 3}) {
                const char* p = bytes.data() + offset;
                const auto expected = static_cast<std::size_t>(std::count(p, p + size, '='));
                for (const std::size_t limit : {std::size_t{0}, std::size_t{7}, std::size_t{256}, expected,
                                                expected + 1, std::size_t{100000}}) {
                    CAPTURE(alphabet);
                    CAPTURE(size);
                    CAPTURE(offset);
                    CAPTURE(limit);
                    const std::size_t counted = count_up_to(p, p + size, '=', limit);
                    CHECK(counted == std::min(expected, limit + 1));
                }
            }
        }
    }
}

TEST_CASE("find_counting_newlines finds the byte and counts the newlines before it") {
    std::mt19937 random(5);
    for (const std::size_t size : {0, 1, 16, 17, 100, 4095, 4096, 5000, 70000}) {
        const std::string bytes = random_bytes(random, size, size > 4000 ? "ab\n\n\n" : "ab\n<");
        const std::string with_target = bytes + "<" + bytes;
        for (const std::string* text : {&bytes, &with_target}) {
            const char* begin = text->data();
            const char* end = begin + text->size();
            long lines = 0;
            const char* found = find_counting_newlines(begin, end, '<', lines);
            const char* expected = std::find(begin, end, '<');
            CAPTURE(size);
            CHECK(found == expected);
            CHECK(lines == std::count(begin, expected, '\n'));
        }
    }
}

TEST_CASE("find_either finds the first of two bytes") {
    std::mt19937 random(9);
    for (const std::size_t size : {0, 1, 15, 16, 17, 64, 1000}) {
        const std::string bytes = random_bytes(random, size, "abcdefgh!?");
        const auto expected = std::find_if(bytes.begin(), bytes.end(), [](char c) { return c == '!' || c == '?'; });
        CHECK(find_either(bytes.data(), bytes.data() + bytes.size(), '!', '?') ==
              bytes.data() + (expected - bytes.begin()));
    }
}

}  // namespace patsub::xml

// A backup chain's `state` file (page_digest.h): what it writes it reads back, and a
// flipped byte or a cut file is refused naming the file, since the next night's
// increment is taken against it.
#include "ledger/page_digest.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace patsub::ledger;

namespace {

struct TempDir {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-page-digest-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TempDir() { std::filesystem::create_directories(dir); }
    ~TempDir() { std::filesystem::remove_all(dir); }
};

PageHashes three_pages() {
    PageHashes h;
    h.page_size = 4096;
    for (int i = 0; i < 3; ++i) {
        std::vector<unsigned char> page(4096, static_cast<unsigned char>(i));
        h.pages.push_back(hash_page(page.data(), page.size()));
    }
    return h;
}

}  // namespace

TEST_CASE("a database's digest follows every page and their order") {
    const auto h = three_pages();
    auto changed = h;
    std::vector<unsigned char> page(4096, 9);
    changed.pages[1] = hash_page(page.data(), page.size());
    CHECK(changed.digest() != h.digest());
    auto swapped = h;
    std::swap(swapped.pages[0], swapped.pages[2]);
    CHECK(swapped.digest() != h.digest());
    auto shorter = h;
    shorter.pages.pop_back();
    CHECK(shorter.digest() != h.digest());
}

TEST_CASE("state reads back what was written, and refuses an altered or cut copy naming it") {
    TempDir t;
    const auto file = t.dir / "state";
    const auto h = three_pages();
    write_state(file, h, 4);
    const auto read = read_state(file);
    CHECK(read.seq == 4);
    CHECK(state_seq(file) == 4);
    CHECK(read.hashes.page_size == 4096);
    CHECK(read.hashes.pages == h.pages);

    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto rewrite = [&](const std::string& b) {
        std::filesystem::remove(file);
        std::ofstream(file, std::ios::binary) << b;
    };
    auto flipped = bytes;
    flipped[flipped.find('\n') + 10] ^= 1;  // inside page 1's hash
    rewrite(flipped);
    CHECK_THROWS_WITH_AS(read_state(file), doctest::Contains(file.string() + ": altered"), std::runtime_error);
    rewrite(bytes.substr(0, bytes.size() - 20));
    CHECK_THROWS_WITH_AS(read_state(file), doctest::Contains(file.string() + ": altered"), std::runtime_error);
    rewrite("patsub-increment 1 seq=1\n");
    CHECK_THROWS_WITH_AS(read_state(file), doctest::Contains("not a patsub chain-state file"), std::runtime_error);
}

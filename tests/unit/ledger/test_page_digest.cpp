// A backup chain's full.digest (the page hashes) and `state` files (page_digest.h): what
// they write they read back, and a flipped byte or a cut file is refused naming the
// file, since the next night's increment is taken against them.
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

TEST_CASE("state reads back what was written, and refuses an altered copy naming it") {
    TempDir t;
    const auto file = t.dir / "state";
    write_state(file, {4, 3, three_pages().digest()});
    CHECK(read_state(file).seq == 4);
    CHECK(read_state(file).pages == 3);
    CHECK(read_state(file).digest == three_pages().digest());
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    bytes[bytes.find("seq=4") + 4] = '5';
    std::filesystem::remove(file);
    std::ofstream(file, std::ios::binary) << bytes;
    CHECK_THROWS_WITH_AS(state_seq(file), doctest::Contains((file.string() + ": altered").c_str()), std::runtime_error);
}

TEST_CASE("full.digest reads back what was written, and refuses an altered or cut copy naming it") {
    TempDir t;
    const auto file = t.dir / "full.digest";
    const auto h = three_pages();
    write_page_hashes(file, h);
    const auto read = read_page_hashes(file);
    CHECK(read.page_size == 4096);
    CHECK(read.pages == h.pages);

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
    CHECK_THROWS_WITH_AS(read_page_hashes(file), doctest::Contains((file.string() + ": altered").c_str()), std::runtime_error);
    rewrite(bytes.substr(0, bytes.size() - 20));
    CHECK_THROWS_WITH_AS(read_page_hashes(file), doctest::Contains((file.string() + ": altered").c_str()), std::runtime_error);
    rewrite("patsub-increment 1 seq=1\n");
    CHECK_THROWS_WITH_AS(read_page_hashes(file), doctest::Contains("not a patsub full file"), std::runtime_error);
}

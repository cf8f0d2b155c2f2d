// InboxHashes (issue 17 point 2): a file the ledger took is recognised by its fingerprint
// and not read again; any change to it, a same-size rewrite with its old mtime put back
// included, makes the next run read it; a ledger that never took it (a restored backup)
// reads it.
#include "batch/inbox_hashes.h"
#include "ledger/ledger.h"
#include "model/sha256.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace patsub;
using namespace std::chrono_literals;

namespace {

struct Folder {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("patsub-hashes-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    Folder() { std::filesystem::create_directories(dir / "inbox" / "grants"); }
    ~Folder() { std::filesystem::remove_all(dir); }
};

void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);  // in place: the inode stays
    out << text;
}

// A hasher that counts the files it read.
struct CountingHasher {
    int* reads;
    std::string operator()(const std::filesystem::path& p) const {
        ++*reads;
        return sha256_file(p);
    }
};

// The ledger takes the file's content, as a run that read it would.
void take(ledger::Ledger& l, const std::string& sha, const std::string& shown) {
    auto tx = l.transaction();
    const auto b = l.begin_batch({"2026-01-01T00:00:00Z", "2026-01-01", "in", "p", "sha", "t"});
    l.record_file({sha, shown, 1, "grants", b, 1, 0, "taken", ""});
    tx.commit();
}

}  // namespace

TEST_CASE("a file the ledger took is not read again while it is unchanged") {
    Folder f;
    const batch::InboxFile file{f.dir / "inbox/grants/a.xml", "grants/a.xml", "grants"};
    write(file.path, "<a>first delivery</a>");
    std::this_thread::sleep_for(20ms);
    ledger::Ledger l(f.dir / "ledger.sqlite", ledger::Ledger::Access::create);
    int reads = 0;
    {
        batch::InboxHashes first(l, CountingHasher{&reads}, 0s);
        const auto sha = first.sha256_of(file);
        take(l, sha, file.shown);
        first.remember();
    }
    CHECK(reads == 1);
    batch::InboxHashes second(l, CountingHasher{&reads}, 0s);
    CHECK(second.sha256_of(file) == sha256_file(file.path));
    CHECK(reads == 1);  // recognised by its fingerprint
    CHECK(second.files_hashed() == 0);

    SUBCASE("rewritten in place with the same size and its old mtime put back: read again") {
        struct stat before {};
        REQUIRE(::stat(file.path.c_str(), &before) == 0);
        std::this_thread::sleep_for(20ms);
        write(file.path, "<a>third delivery</a>");
        const struct timespec times[2] = {before.st_atim, before.st_mtim};
        REQUIRE(::utimensat(AT_FDCWD, file.path.c_str(), times, 0) == 0);
        struct stat after {};
        REQUIRE(::stat(file.path.c_str(), &after) == 0);
        REQUIRE(after.st_size == before.st_size);
        REQUIRE(after.st_ino == before.st_ino);
        REQUIRE(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
        batch::InboxHashes third(l, CountingHasher{&reads}, 0s);
        CHECK(third.sha256_of(file) == sha256_file(file.path));
        CHECK(reads == 2);
    }
    SUBCASE("a ledger that never took the file (a restored older copy) reads it") {
        ledger::Ledger older(f.dir / "older.sqlite", ledger::Ledger::Access::create);
        batch::InboxHashes other(older, CountingHasher{&reads}, 0s);
        other.sha256_of(file);
        other.remember();  // the content is not in this ledger: nothing is kept
        CHECK(reads == 2);
        batch::InboxHashes again(older, CountingHasher{&reads}, 0s);
        again.sha256_of(file);
        CHECK(reads == 3);
    }
}

TEST_CASE("a file changed within the settle time is read again on the next run") {
    Folder f;
    const batch::InboxFile file{f.dir / "inbox/grants/b.xml", "grants/b.xml", "grants"};
    write(file.path, "<b/>");
    ledger::Ledger l(f.dir / "ledger.sqlite", ledger::Ledger::Access::create);
    int reads = 0;
    batch::InboxHashes first(l, CountingHasher{&reads}, 1h);
    take(l, first.sha256_of(file), file.shown);
    first.remember();
    batch::InboxHashes second(l, CountingHasher{&reads}, 1h);
    second.sha256_of(file);
    CHECK(reads == 2);
}

// Breaches (src/ledger/breaches.h): an audit of a ledger broken on every line keeps the
// first sentences and counts the rest, and does not even format what it does not keep.
#include "ledger/breaches.h"

#include <doctest/doctest.h>

#include <string>

namespace {

// A value that counts how often it is formatted.
struct Counted {
    int id;
};
int formatted = 0;

}  // namespace

template <>
struct fmt::formatter<Counted> : fmt::formatter<int> {
    auto format(const Counted& c, fmt::format_context& ctx) const {
        ++formatted;
        return fmt::formatter<int>::format(c.id, ctx);
    }
};

TEST_CASE("the first kListed breaches are kept in order, the rest counted and not formatted") {
    using patsub::ledger::Breaches;
    Breaches b;
    CHECK(b.empty());
    formatted = 0;
    for (int i = 0; i < 2500; ++i) {
        if (i % 2 == 0)
            b.add("line {}: edited", Counted{i});
        else
            b.push_back("line " + std::to_string(i) + ": edited");
    }
    CHECK(b.size() == 2500);
    CHECK(b.unlisted() == 2500 - Breaches::kListed);
    CHECK(formatted == static_cast<int>(Breaches::kListed / 2));
    CHECK(b.front() == "line 0: edited");
    int i = 0;
    for (const std::string& sentence : b) CHECK(sentence == "line " + std::to_string(i++) + ": edited");
    CHECK(i == static_cast<int>(Breaches::kListed));

    Breaches before;
    before.push_back("anchor 1 is not in the ledger");
    before.append(b);
    CHECK(before.size() == 2501);
    CHECK(before.unlisted() == 2501 - Breaches::kListed);
    CHECK(before.front() == "anchor 1 is not in the ledger");
}

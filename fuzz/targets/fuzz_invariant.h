// FUZZ_REQUIRE: an invariant a fuzz target checks on what the code under test returned.
// A breach aborts with the condition, so libFuzzer records the input as a crash and the
// plain replay main (ctest) fails on it the same way.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_REQUIRE(condition)                                                                           \
    do {                                                                                                  \
        if (!(condition)) {                                                                               \
            std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                                 \
        }                                                                                                 \
    } while (false)

// Money: an amount in fen (1 CNY = 100 fen). Every amount in patsub, in code, data
// and the ledger, is an integer count of fen; there is no floating-point money.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace patsub {

struct Money {
    std::int64_t fen = 0;

    friend auto operator<=>(const Money&, const Money&) = default;
    friend Money operator+(Money a, Money b) { return {a.fen + b.fen}; }
    friend Money operator-(Money a) { return {-a.fen}; }
};

// "30000.00" / "-600.00": yuan with exactly two decimals, for people and the treasury.
std::string to_yuan(Money m);

}  // namespace patsub

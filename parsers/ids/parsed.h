// Parsed<T>: what an identifier grammar returns: the value, or why the text is not one.
// The reason is a short English sentence meant to be shown to a person next to the
// file and line the text came from.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace patsub::ids {

template <class T>
struct Parsed {
    std::optional<T> value;
    std::string error;  // empty when value is set

    static Parsed ok(T v) { return Parsed{std::move(v), {}}; }
    static Parsed fail(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

}  // namespace patsub::ids

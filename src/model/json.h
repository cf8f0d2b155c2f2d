// JsonWriter: a small streaming writer for the JSON patsub prints (`check`, `ledger`)
// and stores (a line's reasoning). Keys and strings are escaped per RFC 8259; the
// writer tracks commas so callers only say what goes in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patsub {

class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    // key + value in one call
    template <class T>
    JsonWriter& field(std::string_view k, const T& v) { return key(k).value(v); }

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    void before_value();
    std::string out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool after_key_ = false;
};

// Appends s to out as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);

}  // namespace patsub

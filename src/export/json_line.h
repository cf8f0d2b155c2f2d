// JsonLine: one line of JSON written straight into a buffer, byte for byte what
// nlohmann's dump(-1, ' ', false, error_handler_t::replace) writes for the same object:
// `patsub check` prints a line per document, and building and freeing an ordered_json
// per line cost a quarter of the calling thread's instructions on a DOCDB bulk document
// (docs/performance.md, readers against xmllint). A string that needs no escape and is
// valid UTF-8 is copied as is; any other is written by nlohmann itself, so escapes and
// the replacement of broken UTF-8 stay nlohmann's (tests/unit/export/test_json_line.cpp
// compares the two on hostile strings).
#pragma once

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>

namespace patsub::exports {

class JsonLine {
  public:
    void clear() {
        out_.clear();
        first_ = true;
    }
    void open_object() { open('{'); }
    void close_object() { close('}'); }
    void open_array() { open('['); }
    void close_array() { close(']'); }
    // A key of this file: plain ASCII, never escaped.
    void key(std::string_view k) {
        separate();
        out_ += '"';
        out_ += k;
        out_ += "\":";
        first_ = true;
    }
    void string(std::string_view s);
    void boolean(bool b) {
        separate();
        out_ += b ? "true" : "false";
    }
    void integer(long long v) {
        separate();
        fmt::format_to(std::back_inserter(out_), "{}", v);
    }
    void field(std::string_view k, std::string_view v) {
        key(k);
        string(v);
    }
    const std::string& text() const { return out_; }

  private:
    void open(char c) {
        separate();
        out_ += c;
        first_ = true;
    }
    void close(char c) {
        out_ += c;
        first_ = false;
    }
    void separate() {
        if (!first_) out_ += ',';
        first_ = false;
    }

    // No byte nlohmann escapes (controls, '"', '\\') and well-formed UTF-8: no
    // overlong forms, no surrogates, nothing above U+10FFFF (what its decoder accepts).
    static bool plain(std::string_view s);

    std::string out_;
    bool first_ = true;
};

}  // namespace patsub::exports

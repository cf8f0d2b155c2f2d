// The frame every HTML page patsub writes shares (review page, notice list, summary):
// one self-contained file that opens from disk with no network. Its Content-Security-
// Policy allows no fetch of any kind and only the page's own inline script (by its
// SHA-256), so even a value that slipped past escaping could not run or load anything.
#pragma once

#include <string>
#include <string_view>

namespace patsub::exports {

struct PageParts {
    std::string title;        // plain text: escaped here
    std::string extra_style;  // CSS appended to the common style
    std::string body;         // HTML, already escaped by the caller
    std::string data_script;  // JSON for <script type="application/json" id="page-data">, or empty
    std::string script;       // the page's JavaScript, or empty
};

std::string html_page(const PageParts& p);

// The same page in pieces, for a page written as a stream (a batch's review page can
// carry tens of thousands of lines): the head up to and including <body> (its CSP names
// p.script's hash), then the caller's body and data script (wrapped in the two markers,
// its JSON passed through script_json piece by piece), then the tail with p.script.
std::string html_page_head(const PageParts& p);
std::string html_page_tail(const PageParts& p);
inline constexpr std::string_view data_script_open = "<script type=\"application/json\" id=\"page-data\">";
inline constexpr std::string_view data_script_close = "</script>\n";

// Standard base64 (RFC 4648, with padding) of raw bytes, for CSP hashes.
std::string base64(std::string_view bytes);

}  // namespace patsub::exports

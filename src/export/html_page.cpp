#include "export/html_page.h"

#include "export/html_text.h"
#include "model/sha256.h"

#include <fmt/format.h>

namespace patsub::exports {

namespace {

constexpr const char* common_style = R"css(
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
       "PingFang SC", system-ui, sans-serif; margin: 1.5rem; color: #1d1d1d; background: #fff; font-size: 14px; }
h1 { font-size: 1.45rem; margin: 0 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #2f6f9f; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid #c9d3dc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eaf1f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta { color: #555; margin: .2rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
)css";

std::string hex_to_bytes(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

}  // namespace

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0}) out += alphabet[(n >> shift) & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string html_page_head(const PageParts& p) {
    std::string script_src = "'none'";
    if (!p.script.empty()) script_src = fmt::format("'sha256-{}'", base64(hex_to_bytes(sha256_hex(p.script))));
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; script-src {}; base-uri 'none'; form-action 'none'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
        script_src, html_escape(p.title), common_style, p.extra_style);
}

std::string html_page_tail(const PageParts& p) {
    std::string out;
    if (!p.script.empty()) out += "<script>" + p.script + "</script>\n";
    return out + "</body>\n</html>\n";
}

std::string html_page(const PageParts& p) {
    std::string out = html_page_head(p) + p.body;
    if (!p.data_script.empty()) {
        out += data_script_open;
        out += script_json(p.data_script);
        out += data_script_close;
    }
    return out + html_page_tail(p);
}

}  // namespace patsub::exports

// Assets: the workbench's stylesheet and script, compiled into the binary (no build
// step, no CDN). The Content-Security-Policy allows scripts and styles from /static/
// only, so no page carries an inline style, script or event handler.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patsub::serve {

struct Asset {
    std::string_view content_type;
    std::string_view body;
};

// The asset served at /static/<name>, if there is one.
std::optional<Asset> asset(std::string_view name);

// The header every response carries.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

}  // namespace patsub::serve

// NearestCommand: what a person most likely meant by a subcommand patsub does not know
// ("aprove" -> "approve"), so that a typo at 01:30 in a crontab gets a useful line
// instead of CLI11's "A subcommand is required".
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace patsub::cli {

// The subcommand of `app` closest to `typed` (edit distance at most 2, or a prefix of
// one), nullopt when none is close.
std::optional<std::string> nearest_command(const CLI::App& app, const std::string& typed);

}  // namespace patsub::cli

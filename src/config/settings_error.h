// SettingsError: patsub cannot know where things are: a config file that does not parse
// or names an unknown key, or no share/patsub beside the binary. An operator's mistake,
// exit 2 (contract.md); the message names the file, the line and the cause.
#pragma once

#include <stdexcept>

namespace patsub::config {

class SettingsError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace patsub::config

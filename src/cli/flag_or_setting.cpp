// A command's path: its flag when given, else the config file's value (issue 16 point 2).
#include "cli/command.h"

#include <fmt/format.h>

namespace patsub::cli {

std::filesystem::path flag_or_setting(const std::filesystem::path& flag, const std::filesystem::path& setting,
                                      const char* flag_name, const char* key, const config::Settings& settings) {
    if (!flag.empty()) return flag;
    if (!setting.empty()) return setting;
    throw UsageError(fmt::format("{} is required: give it, or set `{} = ...` in {}", flag_name, key,
                                 settings.file.empty() ? "a config file (--config FILE or PATSUB_CONFIG)"
                                                       : settings.file.string()));
}

}  // namespace patsub::cli

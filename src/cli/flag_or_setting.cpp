// A command's path: its flag when given, else the config file's value (issue 16 point 2).
#include "cli/command.h"

#include "model/bureau_time.h"

#include <fmt/format.h>

#include <cstdlib>

namespace patsub::cli {

std::filesystem::path flag_or_setting(const std::filesystem::path& flag, const std::filesystem::path& setting,
                                      const char* flag_name, const char* key, const config::Settings& settings) {
    if (!flag.empty()) return flag;
    if (!setting.empty()) return setting;
    throw UsageError(fmt::format("{} is required: give it, or set `{} = ...` in {}", flag_name, key,
                                 settings.file.empty() ? "a config file (--config FILE or PATSUB_CONFIG)"
                                                       : settings.file.string()));
}

std::string bureau_zone(const std::string& flag, const config::Settings& settings) {
    // The flag, then the environment, then the config file (bureau_time.h).
    const char* env_zone = std::getenv("PATSUB_TIME_ZONE");
    const bool env_set = env_zone != nullptr && *env_zone != '\0';
    return bureau_time_zone(!flag.empty() || env_set ? flag : settings.time_zone);
}

}  // namespace patsub::cli

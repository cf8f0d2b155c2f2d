#include "model/bureau_time.h"

#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace patsub {

namespace {

std::filesystem::path zoneinfo_dir() {
    if (const char* dir = std::getenv("TZDIR"); dir != nullptr && *dir != '\0') return dir;
    return "/usr/share/zoneinfo";
}

// GCC 12's libstdc++ has no std::chrono::locate_zone, so glibc converts: TZ is set to the
// zone for one localtime_r call and put back. patsub is single-threaded where it asks.
class ScopedTz {
  public:
    explicit ScopedTz(const std::string& zone) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        ::setenv("TZ", (":" + zone).c_str(), 1);
        ::tzset();
    }
    ~ScopedTz() {
        if (old_) ::setenv("TZ", old_->c_str(), 1); else ::unsetenv("TZ");
        ::tzset();
    }
    ScopedTz(const ScopedTz&) = delete;
    ScopedTz& operator=(const ScopedTz&) = delete;

  private:
    std::optional<std::string> old_;
};

}  // namespace

std::string bureau_time_zone(const std::string& option) {
    std::string zone = option;
    const char* source = "--time-zone";
    if (zone.empty()) {
        if (const char* env = std::getenv("PATSUB_TIME_ZONE"); env != nullptr && *env != '\0') {
            zone = env;
            source = "PATSUB_TIME_ZONE";
        } else {
            zone = default_bureau_time_zone;
            source = "the default time zone";
        }
    }
    const bool name_ok = !zone.empty() && zone.front() != '/' && zone.find("..") == std::string::npos;
    std::error_code ec;
    if (!name_ok || !std::filesystem::is_regular_file(zoneinfo_dir() / zone, ec))
        throw std::invalid_argument(source + std::string(" '") + zone + "' is not a time zone of the tz database (" +
                                    zoneinfo_dir().string() + "; install tzdata), e.g. Asia/Shanghai");
    return zone;
}

Date local_date(std::chrono::sys_seconds t, const std::string& zone) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::time_point{t});
    std::tm tm{};
    {
        const ScopedTz tz(zone);
        if (::localtime_r(&seconds, &tm) == nullptr) throw std::runtime_error("localtime_r failed for zone " + zone);
    }
    return Date{std::chrono::year{tm.tm_year + 1900}, std::chrono::month{unsigned(tm.tm_mon + 1)},
                std::chrono::day{unsigned(tm.tm_mday)}};
}

}  // namespace patsub

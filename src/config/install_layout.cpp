#include "config/install_layout.h"

#include "config/settings_error.h"

#include <cstdlib>
#include <system_error>

namespace patsub::config {

namespace {

bool holds_data(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "schemas/policy.xsd", ec);
}

}  // namespace

InstallLayout InstallLayout::locate() {
    if (const char* env = std::getenv("PATSUB_DATA_DIR"); env && *env) {
        if (!holds_data(env))
            throw SettingsError(std::string("PATSUB_DATA_DIR=") + env + " holds no schemas/policy.xsd");
        return {env, false};
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) throw SettingsError("cannot read /proc/self/exe to find patsub's data: " + ec.message());
    const auto bin = exe.parent_path();
    if (const auto share = (bin / "../share/patsub").lexically_normal(); holds_data(share)) return {share, true};
    // A build tree: CMake staged share/patsub beside the binary (CMakeLists.txt, patsub_data).
    if (std::filesystem::exists(bin / "CMakeCache.txt", ec) && holds_data(bin / "share/patsub"))
        return {bin / "share/patsub", false};
    throw SettingsError("no patsub data beside " + exe.string() + ": expected " +
                        (bin / "../share/patsub").lexically_normal().string() +
                        "/schemas/policy.xsd (reinstall patsub, or set PATSUB_DATA_DIR)");
}

}  // namespace patsub::config

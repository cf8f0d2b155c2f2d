#include "config/settings.h"

#include "config/settings_error.h"
#include "model/bureau_time.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string_view>

namespace patsub::config {

namespace {

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// One value's reading: stores it into the settings or throws with the cause (the caller
// adds file and line).
using KeyReader = std::function<void(Settings&, const std::string& value, const std::filesystem::path& base)>;

KeyReader path_key(std::filesystem::path Settings::*field) {
    return [field](Settings& s, const std::string& v, const std::filesystem::path& base) {
        const std::filesystem::path p(v);
        s.*field = p.is_absolute() ? p : (base / p).lexically_normal();
    };
}

KeyReader text_key(std::string Settings::*field) {
    return [field](Settings& s, const std::string& v, const std::filesystem::path&) { s.*field = v; };
}

// The notice period is policy (policy.md reading 19: a policy setting, dated with the
// rest of the measure), not an installation's choice: an old config naming it is told where
// it went rather than silently ignored.
void refuse_working_days(Settings&, const std::string&, const std::filesystem::path&) {
    throw SettingsError("notice_working_days is a policy setting now: set <notice-working-days> in the policy "
                        "file (policy.md reading 19) and remove this line");
}

void read_bool(Settings& s, const std::string& v, const std::filesystem::path&) {
    if (v == "true" || v == "yes" || v == "on") s.cli_approvals = true;
    else if (v == "false" || v == "no" || v == "off") s.cli_approvals = false;
    else throw SettingsError("cli_approvals '" + v + "' is not true or false");
}

void read_time_zone(Settings& s, const std::string& v, const std::filesystem::path&) {
    try {
        s.time_zone = bureau_time_zone(v);
    } catch (const std::invalid_argument& e) {
        throw SettingsError(e.what());
    }
}

void read_listen(Settings& s, const std::string& v, const std::filesystem::path&) {
    const auto colon = v.rfind(':');
    int port = 0;
    const char* digits = v.data() + (colon == std::string::npos ? 0 : colon + 1);
    const auto [end, ec] = std::from_chars(digits, v.data() + v.size(), port);
    if (colon == std::string::npos || colon == 0 || ec != std::errc() || end != v.data() + v.size() || port < 1 ||
        port > 65535)
        throw SettingsError("listen '" + v + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");
    s.listen = v;
}

const std::map<std::string, KeyReader, std::less<>>& key_readers() {
    static const std::map<std::string, KeyReader, std::less<>> readers{
        {"db", path_key(&Settings::db)},
        {"inbox", path_key(&Settings::inbox)},
        {"out", path_key(&Settings::out)},
        {"anchors", path_key(&Settings::anchors)},
        {"backups", path_key(&Settings::backups)},
        {"policy", path_key(&Settings::policy)},
        {"plausibility", path_key(&Settings::plausibility)},
        {"time_zone", read_time_zone},
        {"notice_working_days", refuse_working_days},
        {"holidays", path_key(&Settings::holidays)},
        {"contacts", text_key(&Settings::contacts)},
        {"objection_channel", text_key(&Settings::objection_channel)},
        {"publisher", text_key(&Settings::publisher)},
        {"listen", read_listen},
        {"trusted_proxy", text_key(&Settings::trusted_proxy)},
        {"cli_approvals", read_bool},
    };
    return readers;
}

std::string known_keys() {
    std::string keys;
    for (const auto& [k, r] : key_readers()) keys += (keys.empty() ? "" : ", ") + k;
    return keys;
}

}  // namespace

Settings Settings::defaults(const InstallLayout& layout) {
    Settings s;
    s.layout = layout;
    s.policy = layout.shipped_policy();
    s.plausibility = layout.shipped_plausibility();
    if (layout.installed) {
        const std::filesystem::path state(default_state_dir);
        s.db = state / "ledger.sqlite";
        s.inbox = state / "inbox";
        s.out = state / "out";
        s.backups = state / "backups";
    }
    return s;
}

Settings Settings::load(const std::filesystem::path& file, const InstallLayout& layout) {
    Settings s = defaults(layout);
    s.file = file;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw SettingsError(file.string() + ": cannot read the config file");
    const auto base = std::filesystem::absolute(file).parent_path();
    std::set<std::string, std::less<>> seen;
    std::string raw;
    for (int line_no = 1; std::getline(in, raw); ++line_no) {
        const auto where = file.string() + ":" + std::to_string(line_no) + ": ";
        std::string_view line = trimmed(raw);
        if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line = trimmed(line.substr(3));
        if (line.empty() || line.front() == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) throw SettingsError(where + "expected `key = value`, found '" + raw + "'");
        const std::string key(trimmed(line.substr(0, eq)));
        const std::string value(trimmed(line.substr(eq + 1)));
        const auto reader = key_readers().find(key);
        if (reader == key_readers().end())
            throw SettingsError(where + "unknown key '" + key + "' (known: " + known_keys() + ")");
        if (!seen.insert(key).second) throw SettingsError(where + "'" + key + "' is set twice");
        if (value.empty()) throw SettingsError(where + "'" + key + "' has no value");
        try {
            reader->second(s, value, base);
        } catch (const SettingsError& e) {
            throw SettingsError(where + e.what());
        }
    }
    if (in.bad()) throw SettingsError(file.string() + ": read error");
    return s;
}

Settings Settings::find(const std::filesystem::path& config_flag) {
    const auto layout = InstallLayout::locate();
    if (!config_flag.empty()) return load(config_flag, layout);
    if (const char* env = std::getenv("PATSUB_CONFIG"); env && *env) return load(env, layout);
    std::error_code ec;
    if (layout.installed && std::filesystem::exists(default_settings_file, ec))
        return load(default_settings_file, layout);
    return defaults(layout);
}

}  // namespace patsub::config

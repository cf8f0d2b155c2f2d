// Settings: everything an operator configures about one patsub installation, read from
// one plain file (/etc/patsub/patsub.conf; `--config FILE` or PATSUB_CONFIG name another)
// and overridden by command-line flags. The nightly batch, the staff commands and
// `patsub serve` all read the same values, so a path is written down once.
//
// The file is `key = value` lines; `#` starts a comment line; relative paths are taken
// from the file's own folder. An unknown or repeated key, a line without `=`, or a value
// of the wrong form is an error naming the file, the line and the cause: a misspelt
// `dB = ...` must not silently leave the ledger path at its default.
#pragma once

#include "config/install_layout.h"

#include <filesystem>
#include <string>

namespace patsub::config {

struct Settings {
    // The file the values came from; empty when none was read (defaults only).
    std::filesystem::path file;
    InstallLayout layout;

    // State. Installed: under /var/lib/patsub; from a build tree: no default (the
    // command's flag is then required).
    std::filesystem::path db;
    std::filesystem::path inbox;
    std::filesystem::path out;
    // Empty: the one the ledger anchors to, else anchors.log beside OUT.
    std::filesystem::path anchors;
    std::filesystem::path backups;

    // Rules. Default: the shipped policy and limits in share/patsub.
    std::filesystem::path policy;
    std::filesystem::path plausibility;
    // The bureau's calendar. Empty: PATSUB_TIME_ZONE, else Asia/Shanghai.
    std::string time_zone;
    // The public notice (公示): the days that are not working days besides weekends, where
    // objections go, who to ask, and the office printed as publisher. (How many working
    // days the notice stays open is policy: <notice-working-days> in the policy file.)
    std::filesystem::path holidays;
    std::string objection_channel;
    std::string contacts;
    std::string publisher;

    // The staff workbench (`patsub serve`).
    std::string listen = "127.0.0.1:8080";
    std::string trusted_proxy;
    // Whether `patsub approve` on the command line is allowed beside the workbench.
    bool cli_approvals = true;

    // The file named by `config_flag` (--config), else PATSUB_CONFIG, else, for an
    // installed binary, /etc/patsub/patsub.conf when it exists; else the defaults. A file
    // named by the flag or the variable must exist.
    static Settings find(const std::filesystem::path& config_flag = {});
    // The values of `file` over the defaults for `layout`.
    static Settings load(const std::filesystem::path& file, const InstallLayout& layout);
    // The defaults alone.
    static Settings defaults(const InstallLayout& layout);
};

// Where an installed patsub looks for its config file when none is named.
inline constexpr const char* default_settings_file = "/etc/patsub/patsub.conf";
// Where an installed patsub keeps its state by default (systemd's StateDirectory=patsub).
inline constexpr const char* default_state_dir = "/var/lib/patsub";

}  // namespace patsub::config

// The shape every subcommand shares: it registers its options on the CLI11 app and
// returns the action to run when chosen. Actions throw on failure; only main turns
// exceptions and outcomes into exit codes (contract.md).
#pragma once

#include "config/settings.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace patsub::cli {

// needs_attention: the command did its work but a person must look (files were
// quarantined, a ledger invariant is breached): exit 1.
enum class Outcome { done, needs_attention };

// Run with the settings of the config file (--config, PATSUB_CONFIG, /etc/patsub): a
// command's flags override them.
using Action = std::function<Outcome(const config::Settings&)>;

// Bad arguments that CLI11 cannot see (an unparseable date, a missing file).
class UsageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `flag` when given, else the setting; a UsageError naming both when neither is.
std::filesystem::path flag_or_setting(const std::filesystem::path& flag, const std::filesystem::path& setting,
                                      const char* flag_name, const char* key, const config::Settings& settings);

// The bureau's time zone: the --time-zone flag, else PATSUB_TIME_ZONE, else `time_zone`
// in the config file, else Asia/Shanghai (policy.md reading 20).
std::string bureau_zone(const std::string& flag, const config::Settings& settings);

void add_init_command(CLI::App& app, Action& action);
void add_run_command(CLI::App& app, Action& action);
void add_check_command(CLI::App& app, Action& action);
void add_ledger_command(CLI::App& app, Action& action);
void add_verify_command(CLI::App& app, Action& action);
void add_explain_command(CLI::App& app, Action& action);
void add_backup_command(CLI::App& app, Action& action);
void add_restore_command(CLI::App& app, Action& action);
void add_review_command(CLI::App& app, Action& action);
void add_approve_command(CLI::App& app, Action& action);
void add_hold_command(CLI::App& app, Action& action);
void add_release_command(CLI::App& app, Action& action);
void add_summary_command(CLI::App& app, Action& action);
void add_recover_anchor_command(CLI::App& app, Action& action);
void add_acknowledge_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);
void add_user_command(CLI::App& app, Action& action);
void add_notice_command(CLI::App& app, Action& action);
void add_objection_command(CLI::App& app, Action& action);

}  // namespace patsub::cli

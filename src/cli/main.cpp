// patsub: Kunming patent-subsidy batch processor. One binary, one subcommand per
// file in src/cli; this file alone maps outcomes and exceptions to exit codes:
// 0 done, 1 done with quarantined inputs, 2 usage/configuration/list error or a ledger
// that is missing, not a ledger, or behind its anchor log, 75 locked, 70 an internal
// failure (ledger I/O, a bug, the ledger file replaced during a run): the batch was
// rolled back, 74 committed but an output could not be written.
#include "batch/run_lock.h"
#include "cli/command.h"
#include "cli/nearest_command.h"
#include "config/settings_error.h"
#include "ledger/anchor_guard.h"
#include "ledger/backup_restore.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"

#include "parsers/lists/csv_reader.h"
#include "parsers/lists/list_error.h"
#include "policy/policy.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdlib>
#include <iostream>
#include <string_view>

namespace patsub::cli {

extern const char* const build_commit;  // generated: packaging/build_commit.cmake

namespace {

// Version, commit and the data in use: what an operator needs to tell two installs apart.
std::string version_text() {
    std::string data;
    try {
        data = config::InstallLayout::locate().data_dir.string();
    } catch (const config::SettingsError& e) {
        data = std::string("none found (") + e.what() + ")";
    }
    return fmt::format("patsub {} (commit {})\ndata: {}", PATSUB_VERSION, build_commit, data);
}

}  // namespace

}  // namespace patsub::cli

int main(int argc, char** argv) {
    using namespace patsub;
    CLI::App app{"patsub: pays Kunming's patent subsidies (2019 innovation measures, measure 8)"};
    app.set_version_flag("--version", cli::version_text);
    app.require_subcommand(1);
    std::filesystem::path config_file;
    app.add_option("--config", config_file,
                   fmt::format("config file (default: env PATSUB_CONFIG, else {} for an installed patsub)",
                               config::default_settings_file))
        ->check(CLI::ExistingFile);
    // `patsub serve --config FILE` as well as `patsub --config FILE serve` (the units).
    app.fallthrough();
    cli::Action action;
    cli::add_init_command(app, action);
    cli::add_run_command(app, action);
    cli::add_check_command(app, action);
    cli::add_ledger_command(app, action);
    cli::add_verify_command(app, action);
    cli::add_explain_command(app, action);
    cli::add_backup_command(app, action);
    cli::add_restore_command(app, action);
    cli::add_review_command(app, action);
    cli::add_approve_command(app, action);
    cli::add_hold_command(app, action);
    cli::add_release_command(app, action);
    cli::add_summary_command(app, action);
    cli::add_recover_anchor_command(app, action);
    cli::add_acknowledge_command(app, action);
    cli::add_serve_command(app, action);
    cli::add_user_command(app, action);
    cli::add_notice_command(app, action);
    cli::add_objection_command(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // A first word that is no subcommand: name the one meant, not CLI11's generic line.
        // The first word that is neither an option nor --config's value.
        const char* word = nullptr;
        for (int i = 1; i < argc && !word; ++i) {
            if (std::string_view(argv[i]) == "--config") ++i;
            else if (argv[i][0] != '-') word = argv[i];
        }
        if (word) {
            bool known = false;
            for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
                known = known || sub->get_name() == word;
            if (!known) {
                const auto meant = cli::nearest_command(app, word);
                std::cerr << "patsub: '" << word << "' is not a patsub command"
                          << (meant ? "; did you mean '" + *meant + "'?" : std::string()) << "\n"
                          << "Run patsub --help for the list of commands.\n";
                return 2;
            }
        }
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    try {
        const auto settings = config::Settings::find(config_file);
        return action(settings) == cli::Outcome::done ? 0 : 1;
    } catch (const batch::LockHeld& e) {
        std::cerr << "patsub: " << e.what() << '\n';
        return 75;  // EX_TEMPFAIL: try again when the other run is done
    } catch (const ledger::CommittedButNotWritten& e) {
        std::cerr << "patsub: " << e.what() << '\n';
        return 74;  // EX_IOERR: committed, an output is missing (the next run writes it)
    } catch (const ledger::LedgerBehindAnchors& e) {
        std::cerr << "patsub: " << e.what() << '\n';
    } catch (const ledger::RestoreRefused& e) {
        std::cerr << "patsub: restore: " << e.what() << '\n';
    } catch (const ledger::LedgerUnusable& e) {
        // A missing path is an operator's mistake (or an unmounted volume), never a
        // reason to start a ledger: usage error.
        std::cerr << "patsub: ledger: " << e.what() << '\n';
    } catch (const ledger::LedgerReplaced& e) {
        std::cerr << "patsub: ledger: " << e.what() << '\n';
        return 70;
    } catch (const std::invalid_argument& e) {
        std::cerr << "patsub: configuration: " << e.what() << "\nnothing was written to the ledger\n";
    } catch (const config::SettingsError& e) {
        std::cerr << "patsub: configuration: " << e.what() << '\n';
    } catch (const cli::UsageError& e) {
        std::cerr << "patsub: " << e.what() << '\n';
    } catch (const ledger::ReviewRefused& e) {
        // The approval flow's rules (hold an approved line, approve an unknown batch):
        // the request, not patsub, is wrong.
        std::cerr << "patsub: " << e.what() << '\n';
    } catch (const PolicyError& e) {
        std::cerr << "patsub: policy: " << e.what() << '\n';
    } catch (const lists::ListError& e) {
        std::cerr << "patsub: reference list: " << e.what() << "\nnothing was written to the ledger\n";
    } catch (const lists::CsvError& e) {
        std::cerr << "patsub: reference list: " << e.what() << "\nnothing was written to the ledger\n";
    } catch (const SQLite::Exception& e) {
        // Damage found after opening (a page deep in the file): the file, not patsub, is
        // wrong (issue 16 point 4).
        const int primary = e.getErrorCode() & 0xff;
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
            std::cerr << "patsub: ledger: not a patsub ledger (damaged: " << e.what() << ")\n";
            return 2;
        }
        std::cerr << "patsub: ledger: " << e.what() << '\n';
        return 70;  // EX_SOFTWARE: an internal failure, not the input's fault
    } catch (const std::exception& e) {
        std::cerr << "patsub: " << e.what() << '\n';
        return 70;  // EX_SOFTWARE: an internal failure, not the input's fault
    }
    return 2;
}

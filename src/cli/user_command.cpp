// `patsub user add|passwd|disable|list`: the workbench's people (issue 13 point 2). A
// password is read from the terminal without echo, or as one line from stdin when stdin
// is not a terminal (scripts, tests) — never from an argument, which `ps` and the shell's
// history would show. Each change is an event in the chain naming the OS user who made it.
#include "cli/command.h"
#include "cli/operator_identity.h"
#include "ledger/ledger.h"
#include "ledger/people_store.h"
#include "model/clock.h"
#include "serve/password.h"

#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

// Echo off for as long as it lives, restored whatever happens.
class NoEcho {
  public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

  private:
    termios saved_{};
    bool active_ = false;
};

std::string read_line(const char* prompt, bool terminal) {
    if (terminal) std::cerr << prompt << std::flush;
    std::string line;
    {
        std::optional<NoEcho> quiet;
        if (terminal) quiet.emplace();
        if (!std::getline(std::cin, line)) throw UsageError("user: no password given on stdin");
    }
    if (terminal) std::cerr << '\n';
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Ten characters at least: the workbench is on an intranet, but a bank transfer hangs on it.
std::string new_password() {
    const bool terminal = isatty(STDIN_FILENO) != 0;
    const std::string pw = read_line("New password: ", terminal);
    if (terminal && read_line("Again: ", terminal) != pw) throw UsageError("user: the two passwords differ");
    if (pw.size() < 10) throw UsageError("user: a password has at least 10 characters");
    return pw;
}

Actor operator_actor() { return Actor{os_user(), Role::script, Door::command_line, host_name()}; }

struct UserOptions {
    std::filesystem::path db;
    std::string name;
    std::string role;
};

}  // namespace

void add_user_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<UserOptions>();
    auto* cmd = app.add_subcommand("user", "Manage the workbench's people: add, passwd, disable, list");
    cmd->require_subcommand(1);
    auto* add = cmd->add_subcommand("add", "Add a person with one role; the password is read from the terminal or stdin");
    add->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    add->add_option("name", o->name, "user name")->required();
    add->add_option("--role", o->role, "reviewer, approver, auditor or admin")
        ->required()
        ->check(CLI::IsMember({"reviewer", "approver", "auditor", "admin"}));
    add->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db);
            const std::string hash = serve::hash_password(new_password());
            try {
                ledger::PeopleStore(ledger).add(o->name, *role_from_name(o->role), hash, operator_actor());
            } catch (const ledger::PeopleRefused& e) {
                throw UsageError(std::string("user add: ") + e.what());
            }
            std::cout << fmt::format("added {} as {}\n", o->name, o->role);
            return Outcome::done;
        };
    });
    auto* passwd = cmd->add_subcommand("passwd", "Set a person's password (read from the terminal or stdin); ends a lock");
    passwd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    passwd->add_option("name", o->name, "user name")->required();
    passwd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db);
            const std::string hash = serve::hash_password(new_password());
            try {
                ledger::PeopleStore(ledger).set_password(o->name, hash, operator_actor());
            } catch (const ledger::PeopleRefused& e) {
                throw UsageError(std::string("user passwd: ") + e.what());
            }
            std::cout << fmt::format("password of {} set\n", o->name);
            return Outcome::done;
        };
    });
    auto* disable = cmd->add_subcommand("disable", "Disable a person's account and end their sessions");
    disable->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    disable->add_option("name", o->name, "user name")->required();
    disable->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db);
            try {
                ledger::PeopleStore(ledger).disable(o->name, operator_actor());
            } catch (const ledger::PeopleRefused& e) {
                throw UsageError(std::string("user disable: ") + e.what());
            }
            std::cout << fmt::format("{} disabled\n", o->name);
            return Outcome::done;
        };
    });
    auto* list = cmd->add_subcommand("list", "List the workbench's people");
    list->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    list->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            ledger::Ledger ledger(o->db);
            for (const auto& p : ledger::PeopleStore(ledger).all())
                std::cout << fmt::format("{}\t{}\t{}{}\n", p.name, role_name(p.role), p.disabled ? "disabled" : "active",
                                         p.locked_until.empty() ? "" : "\tlocked until " + p.locked_until);
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli

// Settings: the config file's values, its errors (file, line, cause) and the defaults.
#include "config/settings.h"
#include "config/settings_error.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using patsub::config::InstallLayout;
using patsub::config::Settings;
using patsub::config::SettingsError;

namespace {

// A config file in a fresh folder, removed with the folder.
struct ConfigFile {
    fs::path dir = fs::temp_directory_path() / ("patsub-settings-" + std::to_string(::getpid()));
    fs::path path = dir / "patsub.conf";
    explicit ConfigFile(const std::string& text) {
        fs::create_directories(dir);
        std::ofstream(path, std::ios::binary) << text;
    }
    ~ConfigFile() { fs::remove_all(dir); }
};

const InstallLayout installed{"/usr/share/patsub", true};
const InstallLayout build_tree{"/src/build/share/patsub", false};

std::string error_of(const std::string& text) {
    ConfigFile f(text);
    try {
        Settings::load(f.path, build_tree);
    } catch (const SettingsError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("every key is read; relative paths are taken from the file's folder") {
    ConfigFile f("\xEF\xBB\xBF# comment\n"
                 "db = /srv/ledger.sqlite\n"
                 "  inbox=in  \n"
                 "out = /srv/out\nanchors = /srv/anchors.log\nbackups = /srv/backups\n"
                 "policy = policy.xml\nplausibility = /etc/p.conf\ntime_zone = Asia/Shanghai\n"
                 "holidays = holidays.txt\ncontacts = 知识产权处 0871-1234 #2\nobjection_channel = 信箱 A\npublisher = 昆明市\n"
                 "listen = 0.0.0.0:9090\ntrusted_proxy = 127.0.0.1\ncli_approvals = false\n");
    const Settings s = Settings::load(f.path, build_tree);
    CHECK(s.file == f.path);
    CHECK(s.db == "/srv/ledger.sqlite");
    CHECK(s.inbox == fs::absolute(f.dir) / "in");
    CHECK(s.policy == fs::absolute(f.dir) / "policy.xml");
    CHECK(s.holidays == fs::absolute(f.dir) / "holidays.txt");
    CHECK(s.time_zone == "Asia/Shanghai");
    CHECK(s.objection_channel == "信箱 A");
    CHECK(s.publisher == "昆明市");
    CHECK(s.contacts == "知识产权处 0871-1234 #2");
    CHECK(s.listen == "0.0.0.0:9090");
    CHECK(s.trusted_proxy == "127.0.0.1");
    CHECK_FALSE(s.cli_approvals);
}

TEST_CASE("defaults: state under /var/lib/patsub only when installed; rules from share/patsub") {
    const Settings i = Settings::defaults(installed);
    CHECK(i.db == "/var/lib/patsub/ledger.sqlite");
    CHECK(i.inbox == "/var/lib/patsub/inbox");
    CHECK(i.policy == "/usr/share/patsub/policy/kunming-measure8.xml");
    CHECK(i.cli_approvals);
    const Settings b = Settings::defaults(build_tree);
    CHECK(b.db.empty());
    CHECK(b.out.empty());
    CHECK(b.policy == "/src/build/share/patsub/policy/kunming-measure8.xml");
}

TEST_CASE("errors name the file, the line and the cause") {
    const std::string unknown = error_of("db = /x\n\ndB = /y\n");
    CHECK(unknown.find("patsub.conf:3: unknown key 'dB'") != std::string::npos);
    CHECK(error_of("db = /x\ndb = /y\n").find(":2: 'db' is set twice") != std::string::npos);
    CHECK(error_of("just words\n").find(":1: expected `key = value`") != std::string::npos);
    CHECK(error_of("inbox =\n").find(":1: 'inbox' has no value") != std::string::npos);
    // The notice period is policy (reading 19): an old config naming it is told where it went.
    CHECK(error_of("notice_working_days = 5\n").find(":1: notice_working_days is a policy setting") != std::string::npos);
    CHECK(error_of("cli_approvals = maybe\n").find(":1: cli_approvals 'maybe'") != std::string::npos);
    CHECK(error_of("listen = 8080\n").find(":1: listen '8080'") != std::string::npos);
    CHECK(error_of("listen = host:99999\n").find(":1: listen") != std::string::npos);
    CHECK(error_of("time_zone = Mars/Olympus\n").find(":1: ") != std::string::npos);
    CHECK(error_of("time_zone = Mars/Olympus\n").find("Mars/Olympus") != std::string::npos);
}

TEST_CASE("a config file that cannot be read is an error, not the defaults") {
    CHECK_THROWS_AS(Settings::load("/nonexistent/patsub.conf", installed), SettingsError);
}

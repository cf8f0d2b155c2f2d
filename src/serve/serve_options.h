// ServeOptions: how `patsub serve` runs — the ledger, where it listens, where approved
// batches' files go, and which address is the TLS reverse proxy whose X-Forwarded-Proto
// and X-Forwarded-For are believed (issue 13 point 1). Filled from the command line;
// `--config` (src/config, issue 16) will fill the same fields.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace patsub::serve {

struct ServeOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::filesystem::path out;            // treasury and notice files of approved batches
    std::filesystem::path schemas_dir;    // reasons.csv, districts.csv
    std::filesystem::path policy_file;    // for verify's cap and the clauses' text
    std::optional<std::filesystem::path> anchors;
    std::string trusted_proxy;            // '' = no proxy: forwarded headers are ignored
    int threads = 8;
    // The public notice (公示, src/notice): the bureau's calendar and what the notice prints.
    std::string time_zone;                // a name bureau_time_zone() accepted
    std::filesystem::path holidays;       // '' = weekends only
    std::string objection_channel;        // '' = the workbench refuses to publish
    std::string contacts;
    std::string publisher;                // '' = the notice's default office
};

}  // namespace patsub::serve

// PlausibilityGates: the figures a grant file must show before anything read from it may
// reach the ledger. A reader that silently misreads an export (a renamed element, a new
// kind-code series) produces records that are individually valid but collectively
// implausible: many without patentees, many unknown kinds, fewer records than documents.
// Limits live in a configuration file (samples/config/plausibility.conf).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace patsub::batch {

struct FileFigures {
    int documents = 0;  // found by the splitter
    int records = 0;    // grants read + documents skipped as known non-patent roots
    int grants = 0;
    int missing_patentee = 0;
    int unknown_kind = 0;
};

struct PlausibilityGates {
    int min_records = 20;
    double min_read_share = 0.98;
    double max_missing_patentee_share = 0.02;
    double max_unknown_kind_share = 0.05;

    // key = value lines, '#' comments; an unknown key or a bad value throws
    // std::invalid_argument naming file and line.
    static PlausibilityGates load(const std::filesystem::path& file);

    // The first gate the figures trip, as a sentence with the figures; nullopt when the
    // file looks plausible.
    std::optional<std::string> check(const FileFigures& f) const;
};

}  // namespace patsub::batch

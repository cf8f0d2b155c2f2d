// InstallLayout: where this patsub binary's own read-only data lives (share/patsub:
// the policy XSD, the kind-code table, the shipped policy, the plausibility limits, the
// reason and district texts of the review page). Found from the binary's own path, never
// from a path baked in at build time, so that a moved or deleted checkout cannot feed an
// installed binary old schemas (issue 16 point 2).
#pragma once

#include <filesystem>

namespace patsub::config {

struct InstallLayout {
    // share/patsub in use.
    std::filesystem::path data_dir;
    // True when data_dir is <prefix>/share/patsub beside <prefix>/bin/patsub: state then
    // defaults to /var/lib/patsub and /etc/patsub/patsub.conf is read.
    bool installed = false;

    // PATSUB_DATA_DIR when set; else /proc/self/exe's ../share/patsub (an install); else,
    // for a binary in a CMake build tree, the share/patsub the build staged beside it.
    // Throws SettingsError when none holds the data.
    static InstallLayout locate();

    std::filesystem::path policy_schema() const { return data_dir / "schemas/policy.xsd"; }
    std::filesystem::path kind_table() const { return data_dir / "schemas/kind-codes.csv"; }
    // reasons.csv and districts.csv, the texts of the review page, notice and summary.
    std::filesystem::path review_texts() const { return data_dir / "schemas"; }
    std::filesystem::path shipped_policy() const { return data_dir / "policy/kunming-measure8.xml"; }
    std::filesystem::path shipped_plausibility() const { return data_dir / "config/plausibility.conf"; }
    // Mainland China's holidays and make-up working days as shipped (docs/notice.md); a
    // bureau keeps its own list with `holidays = ...` once the shipped years run out.
    std::filesystem::path shipped_holidays() const { return data_dir / "config/holidays-cn.txt"; }
};

}  // namespace patsub::config

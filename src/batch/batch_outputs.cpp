#include "batch/batch_outputs.h"

#include "export/ledger_extract.h"
#include "export/output_file.h"
#include "export/review_page.h"
#include "model/sha256.h"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace patsub::batch {

namespace {

constexpr const char* kManifest = "outputs.sha256";
constexpr const char* kFiles[] = {"ledger.csv", "summary.txt", "review.html"};

std::filesystem::path batch_dir(const std::filesystem::path& out, std::int64_t batch_id) {
    return out / fmt::format("batch-{}", batch_id);
}

// What a writer killed mid-file left (OutputFile's temporaries).
bool leftovers(const std::filesystem::path& dir, bool remove) {
    bool found = false;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().filename().string().find(".partial-") == std::string::npos) continue;
        found = true;
        if (remove) std::filesystem::remove(e.path(), ec);
    }
    return found;
}

// Whether the folder still holds what its manifest says it was given.
bool intact(const std::filesystem::path& dir) {
    if (leftovers(dir, false)) return false;
    const auto manifest = dir / kManifest;
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(manifest, ec);
    if (ec) return false;
    std::ifstream in(manifest);
    std::string line;
    int named = 0;
    while (std::getline(in, line)) {
        const auto gap = line.find("  ");
        if (line.size() < 66 || gap != 64) return false;
        const auto file = dir / line.substr(66);
        const auto changed = std::filesystem::last_write_time(file, ec);
        if (ec) return false;
        if (changed > written && sha256_file(file) != line.substr(0, 64)) return false;
        ++named;
    }
    return named == static_cast<int>(std::size(kFiles));
}

}  // namespace

std::string summary_text(const RunReport& r) {
    std::string text = summary_line(r) + '\n';
    for (const auto& q : r.quarantined) text += "quarantined: " + q + '\n';
    for (const auto& i : r.ignored) text += "ignored: " + i + ", never read\n";
    for (const auto& q : r.still_quarantined) text += "still quarantined, not acknowledged: " + q + '\n';
    return text;
}

std::filesystem::path write_batch_dir(ledger::Ledger& ledger, std::int64_t batch_id, const std::filesystem::path& out,
                                      const exports::ReviewTexts& texts) {
    const auto dir = batch_dir(out, batch_id);
    leftovers(dir, true);
    {
        exports::OutputFile csv(dir / "ledger.csv");
        exports::LedgerExtract extract(csv.stream());
        ledger::LineFilter f;
        f.batch_id = batch_id;
        ledger.for_each_line(f, [&](ledger::LedgerLine&& l) { extract.row(l); });
        csv.commit();
    }
    {
        exports::OutputFile summary(dir / "summary.txt");
        summary.stream() << ledger.batch_summary(batch_id);
        summary.commit();
    }
    exports::write_review_page(ledger, batch_id, dir / "review.html", texts);
    exports::OutputFile manifest(dir / kManifest);
    for (const char* name : kFiles) manifest.stream() << sha256_file(dir / name) << "  " << name << '\n';
    manifest.commit();
    return dir;
}

std::vector<std::int64_t> repair_batch_dirs(ledger::Ledger& ledger, const std::filesystem::path& out,
                                            const exports::ReviewTexts& texts, std::int64_t except) {
    std::vector<std::int64_t> repaired;
    for (const auto id : ledger.batch_ids()) {
        if (id == except || intact(batch_dir(out, id))) continue;
        write_batch_dir(ledger, id, out, texts);
        repaired.push_back(id);
    }
    return repaired;
}

}  // namespace patsub::batch

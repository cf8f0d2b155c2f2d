#include "ledger/backup_chain.h"

#include "ledger/ledger.h"
#include "ledger/ledger_backup.h"
#include "ledger/page_digest.h"
#include "ledger/page_file.h"
#include "model/clock.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace patsub::ledger {

namespace {

const std::regex& chain_name() {
    static const std::regex re(R"(chain-(\d{8}T\d{6}Z)(?:-(\d+))?)");
    return re;
}

const std::regex& increment_name() {
    static const std::regex re(R"(inc-(\d{4,})\.pages)");
    return re;
}

// Newest first.
std::vector<StampedBackup> chains_in(const std::filesystem::path& dir) {
    auto out = stamped_backups(dir, chain_name(), true);
    std::reverse(out.begin(), out.end());
    return out;
}

// A killed backup's leftovers: temporaries, and an increment renamed before `state`
// counted it (a restore never takes it).
void remove_leftovers(const std::filesystem::path& dir, std::optional<std::int64_t> counted) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        std::smatch m;
        if (name.starts_with(partial_prefix))
            std::filesystem::remove_all(e.path());
        else if (counted && std::regex_match(name, m, increment_name()) && std::stoll(m[1].str()) > *counted)
            std::filesystem::remove(e.path());
    }
}

std::int64_t restore_points(const std::filesystem::path& chain) {
    try {
        return 1 + state_seq(chain / "state");
    } catch (const std::exception&) {
        return 1;  // the full copy at least; a restore says what is wrong with the rest
    }
}

std::string page_record_header(std::int64_t pgno) {
    const auto p = static_cast<std::uint32_t>(pgno);
    return {static_cast<char>(p >> 24), static_cast<char>(p >> 16), static_cast<char>(p >> 8), static_cast<char>(p)};
}

ChainBackup write_full(const std::filesystem::path& db, const std::filesystem::path& dir) {
    const auto stamp = utc_instant_compact(now());
    // Chains are ordered by their names: a second chain in the same second sorts after
    // every one before it, even when an older "-2" outlived the first.
    int n = 0;
    for (const auto& c : chains_in(dir))
        if (c.stamp == stamp) n = std::max(n, c.n);
    const auto target = dir / (n == 0 ? fmt::format("chain-{}", stamp) : fmt::format("chain-{}-{}", stamp, n + 1));
    const auto partial = dir / (partial_prefix + target.filename().string());
    ChainBackup out;
    out.full = true;
    try {
        std::filesystem::create_directory(partial);
        PageHashes hashes;
        {
            const HeldLedger held(db);
            hashes.page_size = held.page_size();
            SyncedWriter image(partial / "full.sqlite", SyncedWriter::Checksum::none);
            const auto size = static_cast<std::size_t>(held.page_size());
            held.for_each_chunk([&](std::int64_t, const unsigned char* pages, std::int64_t n) {
                for (std::int64_t i = 0; i < n; ++i) hashes.pages.push_back(hash_page(pages + i * size, size));
                image.write(pages, static_cast<std::size_t>(n) * size);
            });
            image.finish();
            out.pages = out.changed = held.pages();
            out.bytes_written = image.bytes_written();
        }  // writers go on from here
        verify_copy(partial / "full.sqlite", CopyCheck::lines);
        // Opening the image to check it may leave the WAL's side files; the image is whole without them.
        for (const char* side : {"full.sqlite-wal", "full.sqlite-shm"}) std::filesystem::remove(partial / side);
        write_page_hashes(partial / "full.digest", hashes);
        write_state(partial / "state", {0, static_cast<std::int64_t>(hashes.pages.size()), hashes.digest()});
        out.bytes_written += static_cast<std::int64_t>(std::filesystem::file_size(partial / "full.digest") +
                                                       std::filesystem::file_size(partial / "state"));
        sync_folder(partial);
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove_all(partial, ignored);
        throw BackupFailed(fmt::format("backup of {} failed, no copy kept: {}", db.string(), e.what()));
    }
    std::filesystem::rename(partial, target);
    sync_folder(dir);
    out.file = target / "full.sqlite";
    return out;
}

// The chain's page hashes as of its newest increment: full.digest with every increment
// `state` counts replayed (reading the increments, never the full copy), checked against
// `state`. Throws when the chain is broken: the caller starts a new one.
PageHashes hashes_now(const std::filesystem::path& chain, const ChainState& state) {
    if (!std::filesystem::exists(chain / "full.sqlite"))
        throw std::runtime_error(fmt::format("{}: its full copy is missing", chain.string()));
    auto hashes = read_page_hashes(chain / "full.digest");
    std::string after = "full.sqlite";
    for (std::int64_t s = 1; s <= state.seq; ++s) {
        replay_increment(chain / increment_file_name(s), s, hashes, after, {}, {});
        after = increment_file_name(s);
    }
    if (hashes.digest() != state.digest || static_cast<std::int64_t>(hashes.pages.size()) != state.pages)
        throw std::runtime_error(fmt::format("{}: its digest is not the one its increments give", (chain / "state").string()));
    return hashes;
}

ChainBackup write_increment(const std::filesystem::path& db, const std::filesystem::path& chain,
                            const ChainState& state, PageHashes hashes) {
    const auto seq = state.seq + 1;
    const auto target = chain / increment_file_name(seq);
    const auto partial = chain / (partial_prefix + target.filename().string());
    const auto partial_state = chain / (std::string(partial_prefix) + "state");
    ChainBackup out;
    try {
        const auto base = hashes.digest();
        SyncedWriter inc(partial);
        {
            const HeldLedger held(db);
            if (held.page_size() != hashes.page_size)
                throw std::runtime_error("the ledger's page size changed during the backup; the next one starts a new chain");
            inc.write(fmt::format("patsub-increment 1 seq={} page_size={} base={}\n", seq, held.page_size(), base));
            const auto size = static_cast<std::size_t>(held.page_size());
            auto& known_pages = hashes.pages;
            known_pages.resize(static_cast<std::size_t>(held.pages()));  // new pages hash as zeros: never a page's
            held.for_each_chunk([&](std::int64_t first, const unsigned char* pages, std::int64_t n) {
                for (std::int64_t i = 0; i < n; ++i) {
                    const auto* page = pages + i * size;
                    const auto h = hash_page(page, size);
                    auto& known = known_pages[static_cast<std::size_t>(first + i - 1)];
                    if (h == known) continue;
                    known = h;
                    inc.write(page_record_header(first + i));
                    inc.write(page, size);
                    ++out.changed;
                }
            });
            out.pages = held.pages();
        }
        inc.write(page_record_header(0));  // page 0 does not exist: the end of the pages
        inc.write(fmt::format("pages={} changed={} result={}\n", out.pages, out.changed, hashes.digest()));
        inc.write(inc.checksum());
        inc.finish();
        write_state(partial_state, {seq, out.pages, hashes.digest()});
        out.bytes_written = inc.bytes_written() + static_cast<std::int64_t>(std::filesystem::file_size(partial_state));
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        std::filesystem::remove(partial_state, ignored);
        throw BackupFailed(fmt::format("backup of {} failed, no increment kept: {}", db.string(), e.what()));
    }
    // The increment first, `state` last: until `state` counts it, no restore takes it.
    std::filesystem::rename(partial, target);
    std::filesystem::rename(partial_state, chain / "state");
    sync_folder(chain);
    out.file = target;
    return out;
}

}  // namespace

bool is_chain_name(const std::string& folder_name) { return std::regex_match(folder_name, chain_name()); }

ChainBackup back_up_chain(const std::filesystem::path& db, const std::filesystem::path& dir, int keep,
                          int full_every) {
    if (keep < 1) throw std::invalid_argument("--keep must be at least 1");
    if (full_every < 1) throw std::invalid_argument("--full-every must be at least 1");
    int page_size = 0;
    {
        Ledger source(db, Ledger::Access::read_only);  // refuses a path that holds no ledger
        page_size = source.db().execAndGet("PRAGMA page_size").getInt();  // a VACUUM may have changed it
    }
    std::filesystem::create_directories(dir);
    const BackupFolderLock lock(dir);
    remove_leftovers(dir, std::nullopt);

    ChainBackup made;
    auto chains = chains_in(dir);
    std::optional<ChainState> state;
    std::optional<PageHashes> hashes;
    if (!chains.empty()) {
        try {
            state = read_state(chains.front().path / "state");
            remove_leftovers(chains.front().path, state->seq);
            if (state->seq + 1 < full_every) hashes = hashes_now(chains.front().path, *state);
        } catch (const std::exception&) {
            // A chain that cannot be read: it ends here (a restore names what is wrong) and a new one starts.
        }
    }
    if (state && hashes && hashes->page_size == page_size) {
        made = write_increment(db, chains.front().path, *state, std::move(*hashes));
    } else {
        made = write_full(db, dir);
    }

    // Whole chains only, oldest first, while the newer ones keep `keep` restore points.
    chains = chains_in(dir);
    std::int64_t points = 0;
    for (const auto& c : chains) {
        if (points >= keep) {
            std::filesystem::remove_all(c.path);
            continue;
        }
        points += restore_points(c.path);
    }
    sync_folder(dir);
    return made;
}

}  // namespace patsub::ledger

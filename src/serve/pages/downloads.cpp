#include "serve/pages/downloads.h"

#include "export/lines_workbook.h"
#include "ledger/people_store.h"
#include "ledger/review_store.h"
#include "model/clock.h"
#include "model/sha256.h"
#include "serve/batch_stage.h"
#include "serve/scratch_dir.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace patsub::serve::pages {

namespace {

// A file written for one response and sent from disk while the response goes out; its
// folder goes when the response is done with it.
struct SentFile {
    std::optional<ScratchDir> scratch;  // a file written for the request alone
    std::ifstream in;
};

// Hashes the opened file (the download's record), then serves it from there.
void send_file(const std::shared_ptr<SentFile>& sent, const std::string& type,
               const std::function<void(std::uintmax_t, const std::string&)>& record,
               httplib::Response& res) {
    Sha256Stream digest;
    std::uintmax_t size = 0;
    std::string chunk(64 * 1024, '\0');
    while (sent->in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || sent->in.gcount() > 0) {
        const auto got = static_cast<std::size_t>(sent->in.gcount());
        digest.update(std::string_view(chunk.data(), got));
        size += got;
    }
    sent->in.clear();
    record(size, digest.hex());
    res.set_content_provider(size, type, [sent](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::string part(std::min<std::size_t>(length, 64 * 1024), '\0');
        sent->in.seekg(static_cast<std::streamoff>(offset));
        sent->in.read(part.data(), static_cast<std::streamsize>(part.size()));
        const auto got = sent->in.gcount();
        return got > 0 && sink.write(part.data(), static_cast<std::size_t>(got));
    });
}

}  // namespace

void download(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t batch = id_in_path(req, v.lang);
    const std::string name = req.matches[2].str();
    const auto names = download_names(wb.ledger(), batch);
    if (std::find(names.begin(), names.end(), name) == names.end())
        throw Refusal{404, t(v.lang, "err.bad_download")};
    const std::string type = name.ends_with(".csv")    ? "text/csv; charset=utf-8"
                             : name.ends_with(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                             : name.ends_with(".html") ? "text/html; charset=utf-8"
                                                       : "text/plain; charset=utf-8";
    auto record = [&](std::uintmax_t size, const std::string& sha256) {
        ledger::PeopleStore(wb.ledger()).record_act("download", fmt::format("downloaded {} ({} bytes, sha256 {})", name,
                                                                            size, sha256),
                                                    actor(v), utc_instant(now()));
        res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", name));
    };
    if (name == exports::lines_workbook_name(batch)) {
        // Written for this request from the ledger as it is now (holds included), to a
        // private scratch file: OUT holds only what the bureau handed over. A million
        // lines make a 56 MB workbook and take minutes: one is written at a time (a
        // second asker is told the server is busy) and it is sent from its file, not
        // held, so that twenty sessions stay inside the memory bound (point 6).
        if (!ledger::ReviewStore(wb.ledger()).batch(batch)) throw Refusal{404, t(v.lang, "batch.unknown")};
        std::unique_lock one_at_a_time(wb.workbook_writer, std::try_to_lock);
        if (!one_at_a_time.owns_lock()) throw Refusal{503, t(v.lang, "err.busy")};
        auto sent = std::make_shared<SentFile>();
        const auto file = sent->scratch.emplace().path() / name;
        exports::write_lines_workbook(wb.ledger(), batch, wb.texts, file);
        one_at_a_time.unlock();
        sent->in.open(file, std::ios::binary);
        if (!sent->in) throw std::runtime_error("cannot read " + file.string());
        send_file(sent, type, record, res);
        return;
    }
    // Sent from its file too, never held: a million-line batch's notice-<N>.csv is
    // 160 MB (issue 17 point 4). Hashed and sent from the one file opened, so that
    // the bytes recorded are the bytes sent even if the file is replaced meanwhile.
    if (!std::filesystem::is_regular_file(wb.options.out / name)) throw Refusal{404, t(v.lang, "err.bad_download")};
    auto sent = std::make_shared<SentFile>();
    sent->in.open(wb.options.out / name, std::ios::binary);
    if (!sent->in) throw Refusal{404, t(v.lang, "err.bad_download")};
    send_file(sent, type, record, res);
}

}  // namespace patsub::serve::pages

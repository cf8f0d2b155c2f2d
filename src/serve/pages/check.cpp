#include "serve/pages/check.h"

#include "ledger/payee_store.h"
#include "model/bureau_time.h"
#include "model/clock.h"
#include "serve/earnings_page.h"
#include "serve/password.h"
#include "serve/scratch_dir.h"

#include <fmt/format.h>

#include <fstream>
#include <vector>

namespace patsub::serve::pages {

namespace {

// What an answer is asked under, and the registry's rows it is asked with.
struct EarningsInputs {
    EarningsBasis basis;
    std::vector<Payee> payees;
};

// The bureau's today, the policy version in force then, and the ledger's latest registry.
EarningsInputs earnings_inputs(WorkbenchContext& wb, Lang lang) {
    if (!wb.policy || !wb.kinds) throw Refusal{503, t(lang, "earn.no_policy")};
    EarningsInputs in;
    in.basis.as_of = local_date(now(), wb.options.time_zone);
    in.basis.policy_version = wb.policy->nearest(in.basis.as_of).id;
    ledger::PayeeStore payees(wb.ledger());
    if (const auto snapshot = payees.latest_snapshot()) {
        in.payees = payees.snapshot_rows(snapshot->sha256);
        in.basis.registry = snapshot->path;
        in.basis.payees = in.payees.size();
    }
    return in;
}

}  // namespace

void check_page(WorkbenchContext& wb, const Visit& v, const httplib::Request&, httplib::Response& res) {
    html(res, page(v, msg(v.lang, "earn.title"), earnings_form(v, earnings_inputs(wb, v.lang).basis)));
}

// The upload is written to a scratch file as it arrives (never held in memory), read
// by the nightly's readers, and gone with the response.
void check_upload(WorkbenchContext& wb, const Visit& v, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader) {
    const Lang lang = v.lang;
    if (!req.is_multipart_form_data()) throw Refusal{400, say(lang, "err.bad_form", "file")};
    auto in = earnings_inputs(wb, lang);
    const ScratchDir scratch;
    const auto path = scratch.path() / "upload";
    std::ofstream file;
    std::string field, csrf, shown;
    bool token_first = false, have_file = false, too_large = false;
    std::size_t bytes = 0;
    const bool read = reader(
        [&](const httplib::MultipartFormData& part) {
            field = part.name;
            if (field != "file") return true;  // other fields are read past
            // The form carries the token before the file; a file without it is not read.
            token_first = same_secret(csrf, v.session.csrf);
            if (!token_first || have_file) return false;
            have_file = true;
            shown = shown_upload_name(part.filename);
            file.open(path, std::ios::binary);
            return static_cast<bool>(file);
        },
        [&](const char* data, std::size_t n) {
            if (field == "csrf") {
                csrf.append(data, n);
                return csrf.size() <= 256;
            }
            if (field != "file") return true;
            bytes += n;
            if (bytes > kUploadLimit) {
                too_large = true;
                return false;
            }
            file.write(data, static_cast<std::streamsize>(n));
            return static_cast<bool>(file);
        });
    // 413: httplib read nothing, the declared length being over the server's limit.
    if (too_large || res.status == 413) throw Refusal{413, say(lang, "earn.too_large", kUploadLimit / (1024 * 1024))};
    if (!have_file ? !same_secret(csrf, v.session.csrf) : !token_first) throw Refusal{403, t(lang, "err.csrf")};
    if (!read || !have_file) throw Refusal{400, t(lang, "earn.no_file")};
    file.close();
    if (bytes == 0) throw Refusal{400, t(lang, "earn.empty")};
    const EarningsQuestion question(*wb.policy, PayeeRegistry(std::move(in.payees)), in.basis.as_of);
    EarningsReading reading(*wb.kinds, *wb.policy, question);
    try {
        read_grants(path, shown, reading);
    } catch (const std::exception& e) {
        throw Refusal{400, say(lang, "earn.unreadable", shown, e.what())};
    }
    html(res, page(v, msg(lang, "earn.title"), earnings_answer(v, in.basis, shown, reading, wb.texts)));
}

}  // namespace patsub::serve::pages

#include "batch/nightly_run.h"

#include "batch/inbox.h"
#include "batch/quarantine.h"
#include "batch/run_lock.h"
#include "classify/classification.h"
#include "classify/kind_table.h"
#include "decide/grant_rules.h"
#include "decide/payee_registry.h"
#include "export/ledger_csv.h"
#include "ledger/decision_record.h"
#include "ledger/ledger.h"
#include "model/sha256.h"
#include "parsers/grant_file.h"
#include "parsers/lists/list_error.h"
#include "parsers/lists/payee_list.h"
#include "policy/policy.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <stdexcept>

namespace patsub::batch {

namespace {

std::string utc_now() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

class LedgerHistory : public PaymentHistory {
  public:
    explicit LedgerHistory(ledger::Ledger& l) : ledger_(l) {}
    bool paid(const std::string& grant_id, const std::string& clause) override { return ledger_.paid(grant_id, clause); }

  private:
    ledger::Ledger& ledger_;
};

// The registry is the union of every snapshot in inbox/payees, later files winning.
// Every snapshot is validated on every run: the registry decides who is paid.
PayeeRegistry load_payees(const Inbox& inbox, const Policy& policy, Date as_of) {
    const PolicyVersion& v = policy.nearest(as_of);
    lists::PayeeRules rules{v.payee_districts, v.payee_registration_divisions};
    std::vector<Payee> all;
    for (const auto& f : inbox.files("payees")) {
        auto rows = lists::read_payee_list(f.path, rules);
        all.insert(all.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    return PayeeRegistry(std::move(all));
}

// Lists this version cannot honour yet must not be ignored silently: a dispute or an
// abnormal-application list withholds money, so paying past one would be wrong.
void refuse_unsupported_lists(const Inbox& inbox) {
    for (const char* list : {"abnormal", "disputes", "enterprises"})
        if (!inbox.files(list).empty())
            throw lists::ListError(std::string(list) + "/",
                                   {fmt::format("{}/: this patsub version cannot read {} lists yet; remove them "
                                                "or upgrade before the run", list, list)});
}

// Decides each grant handed to it and appends the lines that say something new.
class Decider : public GrantHandler {
  public:
    Decider(ledger::Ledger& ledger, const KindTable& kinds, const Policy& policy, const GrantRules& rules,
            RunReport& report, std::int64_t batch_id, std::string created_at, std::string sha256)
        : ledger_(ledger), kinds_(kinds), policy_(policy), rules_(rules), report_(report), history_(ledger),
          batch_id_(batch_id), created_at_(std::move(created_at)), sha256_(std::move(sha256)) {}

    void on_grant(Grant&& g) override {
        const Classification c = classify(g, kinds_, policy_.nearest(g.date));
        ledger_.record_grant(g, c, batch_id_);
        ledger_.record_sighting({grant_id(g), sha256_, g.source.document, g.source.line, batch_id_});
        decide_and_append(g, c);
    }

    void on_problem(const DocumentProblem& p) override { problems.push_back(p); }

    void decide_and_append(const Grant& g, const Classification& c) {
        auto d = rules_.decide(g, c, history_);
        if (!d) {
            ++report_.out_of_scope;
            return;
        }
        auto line = ledger::line_for(g, c, *d, batch_id_, created_at_);
        if (auto latest = ledger_.latest_line(line.grant_id, line.clause); latest && ledger::repeats(*latest, line))
            return;
        ledger_.append(std::move(line));
        ++report_.lines;
        ++report_.lines_by_status[std::string(to_string(d->status))];
        if (d->status == LineStatus::payable) report_.payable = report_.payable + d->amount;
    }

    std::vector<DocumentProblem> problems;

  private:
    ledger::Ledger& ledger_;
    const KindTable& kinds_;
    const Policy& policy_;
    const GrantRules& rules_;
    RunReport& report_;
    LedgerHistory history_;
    std::int64_t batch_id_;
    std::string created_at_;
    std::string sha256_;
};

void write_batch_dir(ledger::Ledger& ledger, RunReport& report, const RunOptions& o) {
    report.batch_dir = o.out / fmt::format("batch-{}", report.batch_id);
    std::filesystem::create_directories(report.batch_dir);
    ledger::LineFilter f;
    f.batch_id = report.batch_id;
    std::ofstream csv(report.batch_dir / "ledger.csv", std::ios::trunc);
    exports::write_ledger_csv(csv, ledger.lines(f));
    std::ofstream summary(report.batch_dir / "summary.txt", std::ios::trunc);
    summary << summary_line(report) << '\n';
    for (const auto& q : report.quarantined) summary << "quarantined: " << q << '\n';
    if (!csv || !summary) throw std::runtime_error(report.batch_dir.string() + ": cannot write batch output");
}

}  // namespace

RunReport run_batch(const RunOptions& o) {
    // Everything that can refuse the run is read before the ledger is opened.
    const Policy policy = Policy::load(o.policy, o.policy_schema);
    const KindTable kinds = KindTable::load(o.kinds);
    const Inbox inbox(o.inbox);
    refuse_unsupported_lists(inbox);
    const PayeeRegistry payees = load_payees(inbox, policy, o.as_of);
    const GrantRules rules(policy, payees);

    if (!o.db.parent_path().empty()) std::filesystem::create_directories(o.db.parent_path());
    const RunLock lock(o.db);
    ledger::Ledger ledger(o.db);
    RunReport report;
    Quarantine quarantine(o.out);
    const std::string started = utc_now();
    {
        auto tx = ledger.transaction();
        report.batch_id = ledger.begin_batch({started, to_iso(o.as_of), o.inbox.string(), o.policy.string(),
                                              policy.sha256(), o.patsub_version});
        for (const auto& f : inbox.files("payees")) {
            const auto sha = sha256_file(f.path);
            if (ledger.knows_file(sha)) continue;
            ledger.record_file({sha, f.shown, static_cast<std::int64_t>(std::filesystem::file_size(f.path)),
                                "payees", report.batch_id, 0, 0, "taken", ""});
        }
        for (const auto& f : inbox.files("grants")) {
            const auto sha = sha256_file(f.path);
            if (ledger.knows_file(sha)) {
                ++report.files_known;
                continue;
            }
            ++report.files_new;
            // The file row comes first: sightings refer to it.
            ledger::SourceFileRecord rec{sha, f.shown, static_cast<std::int64_t>(std::filesystem::file_size(f.path)),
                                         "grants", report.batch_id, 0, 0, "taken", ""};
            ledger.record_file(rec);
            Decider decider(ledger, kinds, policy, rules, report, report.batch_id, started, sha);
            const FileTally tally = read_grants(f.path, f.shown, decider);
            report.documents += tally.documents;
            report.grants += tally.grants;
            report.refused += tally.refused;
            rec.documents = tally.documents;
            rec.refused = tally.refused;
            if (!decider.problems.empty()) {
                rec.outcome = "quarantined";
                rec.reason = fmt::format("{} of {} documents refused", tally.refused, tally.documents);
                quarantine.put(f.path, f.shown, decider.problems, rec.reason);
                report.quarantined.push_back(fmt::format("{}: {}; first: {}", f.shown, rec.reason,
                                                         describe(decider.problems.front())));
            }
            ledger.settle_file(rec);
        }
        // Held grants are decided again: a payee registered since, a dispute closed.
        Decider again(ledger, kinds, policy, rules, report, report.batch_id, started, "");
        for (const auto& id : ledger.held_grants()) {
            auto g = ledger.load_grant(id);
            if (!g) continue;
            again.decide_and_append(*g, classify(*g, kinds, policy.nearest(g->date)));
        }
        tx.commit();
    }
    write_batch_dir(ledger, report, o);
    return report;
}

std::string summary_line(const RunReport& r) {
    auto count = [&](const char* s) {
        auto it = r.lines_by_status.find(s);
        return it == r.lines_by_status.end() ? 0 : it->second;
    };
    return fmt::format("batch {}: {} new files ({} known), {} documents, {} grants, {} out of scope, {} lines "
                       "({} payable {} CNY, {} held, {} rejected, {} recovery), {} refused documents, {} quarantined",
                       r.batch_id, r.files_new, r.files_known, r.documents, r.grants, r.out_of_scope, r.lines,
                       count("payable"), to_yuan(r.payable), count("held"), count("rejected"), count("recovery"),
                       r.refused, r.quarantined.size());
}

}  // namespace patsub::batch

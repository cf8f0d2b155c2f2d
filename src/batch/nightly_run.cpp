#include "batch/nightly_run.h"

#include "batch/batch_outputs.h"
#include "batch/grant_intake.h"
#include "batch/inbox.h"
#include "batch/inbox_hashes.h"
#include "batch/ledger_facts.h"
#include "batch/line_writer.h"
#include "batch/plausibility_gates.h"
#include "batch/progress.h"
#include "batch/quarantine.h"
#include "batch/registry_departure.h"
#include "batch/reference_intake.h"
#include "batch/run_lock.h"
#include "classify/kind_table.h"
#include "decide/award_rules.h"
#include "decide/grant_rules.h"
#include "decide/payee_registry.h"
#include "export/review_texts.h"
#include "ledger/anchor_guard.h"
#include "ledger/decision_record.h"
#include "ledger/ledger.h"
#include "ledger/savepoint.h"
#include "ledger/payee_store.h"
#include "ledger/quarantine_store.h"
#include "ledger/redecision.h"
#include "ledger/hold_inputs.h"
#include "model/clock.h"
#include "model/sha256.h"
#include "parsers/grant_file.h"
#include "policy/policy.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>
#include <variant>

namespace patsub::batch {

namespace {

std::string utc_now() { return utc_instant(now()); }

std::int64_t size_of(const InboxFile& f) { return static_cast<std::int64_t>(std::filesystem::file_size(f.path)); }

class BatchRun {
  public:
    BatchRun(const RunOptions& o, const Policy& policy, const KindTable& kinds, const Inbox& inbox,
             const std::vector<PayeeSnapshot>& snapshots, const PayeeRegistry& payees, ledger::Ledger& ledger,
             InboxHashes& hashes)
        : o_(o), policy_(policy), kinds_(kinds), inbox_(inbox), snapshots_(snapshots), rules_(policy, payees, o.as_of),
          awards_(policy, payees), ledger_(ledger), hashes_(hashes), facts_(ledger), quarantine_(o.out),
          writer_(ledger, report_),
          gates_(PlausibilityGates::load(o.gates)) {}

    RunReport run(std::vector<NewList> lists) {
        auto tx = ledger_.transaction();
        report_.batch_id = ledger_.begin_batch({started_, to_iso(o_.as_of), o_.inbox.string(), o_.policy.string(),
                                                policy_.sha256(), o_.patsub_version});
        take_payee_files();
        take_lists(lists);
        GrantIntake intake(ledger_, facts_.families(), kinds_, policy_, rules_, report_.batch_id, o_.as_of);
        take_grant_files(intake);
        report_.out_of_scope = intake.candidates().out_of_scope_count();
        add_held_grants(intake, lists);
        const auto recovered = recover_payments();
        // Reading 18: only a new snapshot can make a payee leave.
        const auto departed = took_snapshot_ ? RegistryDeparture(ledger_, kinds_, policy_, writer_, report_.batch_id,
                                                                 started_)
                                                   .hold_unexported_payments()
                                             : std::vector<std::string>{};
        // After the recoveries and departure holds, before deciding: a slot they freed goes
        // to the family's capped grants (readings 15, 18); a payment taken back for a
        // dispute now closed is decided again as if new (reading 16).
        queue_known(intake, ledger::capped_beside(ledger_, recovered));
        queue_known(intake, ledger::capped_beside(ledger_, departed));
        queue_known(intake, disputes_closed_since_recovery());
        intake.candidates().for_each_in_decision_order([this](Candidate&& c) { decide(c); });
        decide_awards();
        for (const auto& e : inbox_.ignored()) report_.ignored.push_back(e.shown + ": " + e.why);
        for (const auto& q : ledger::unacknowledged_quarantines(ledger_))
            if (q.batch_id != report_.batch_id)
                report_.still_quarantined.push_back(fmt::format("{} (batch {}): {}", q.path, q.batch_id, q.reason));
        ledger_.record_batch_summary(report_.batch_id, summary_text(report_));
        ledger_.seal_batch(report_.batch_id, started_);
        ledger_.confirm_still_at_path();
        // Sealed like any batch (so a missing chain key or a replaced file is still
        // refused), then not committed: `tx` rolls the empty batch back.
        if (report_.files_new == 0 && new_lists_and_registries_ == 0 && report_.lines == 0) {
            report_.nothing_new = true;
            report_.batch_id = 0;
            return report_;
        }
        tx.commit();
        return report_;
    }

  private:
    // Known files first (their rows are stored already, except in a ledger older than
    // 002_review), then the new ones in name order: the latest snapshot's rows are then
    // each payee's newest row, which the bank-detail history (payee_bank_changes, the
    // accounts `verify` finds in force) reads as the details in force.
    void take_payee_files() {
        ledger::PayeeStore payees(ledger_);
        // What held grants are decided on besides the ledger (hold_inputs): when any of it
        // changes, every held grant is decided again.
        std::string inputs = fmt::format("policy {}\npatsub {}\nkinds {}\n", policy_.sha256(), o_.patsub_version,
                                         sha256_file(o_.kinds));
        for (const auto& s : snapshots_) inputs += "registry " + s.sha256 + "\n";
        hold_inputs_ = sha256_hex(inputs);
        std::vector<const PayeeSnapshot*> fresh;
        for (const auto& s : snapshots_) {
            if (ledger_.knows_file(s.sha256))
                payees.record_snapshot(s.sha256, s.file.shown, s.rows, report_.batch_id);
            else
                fresh.push_back(&s);
        }
        for (const auto* s : fresh) {
            if (ledger_.knows_file(s->sha256)) continue;  // the same bytes under two names
            payees.record_snapshot(s->sha256, s->file.shown, s->rows, report_.batch_id);
            ++new_lists_and_registries_;
            ledger_.record_file({s->sha256, s->file.shown, size_of(s->file), "payees", report_.batch_id, 0, 0, "taken", ""});
        }
        took_snapshot_ = !fresh.empty();
    }

    void take_lists(const std::vector<NewList>& lists) {
        new_lists_and_registries_ += static_cast<int>(lists.size());
        for (const auto& l : lists) {
            std::visit(
                [&](const auto& rows) {
                    ledger_.record_file({l.sha256, l.file.shown, size_of(l.file), l.file.list, report_.batch_id,
                                         static_cast<std::int64_t>(rows.size()), 0, "taken", ""});
                    if constexpr (std::is_same_v<std::decay_t<decltype(rows)>, std::vector<lists::EnterpriseRow>>)
                        facts_.references().add(l.sha256, rows, report_.batch_id);
                    else
                        facts_.references().add(l.sha256, rows);
                },
                l.rows);
        }
    }

    void take_grant_files(GrantIntake& intake) {
        const auto files = inbox_.files("grants");
        std::uint64_t total = 0;
        for (const auto& f : files) total += static_cast<std::uint64_t>(size_of(f));
        Progress progress(total, Progress::stderr_is_terminal());
        ProgressHandler metered(intake, progress);
        for (const auto& f : files) {
            progress.begin_file(static_cast<std::uint64_t>(size_of(f)));
            const auto sha = hashes_.sha256_of(f);
            if (ledger_.knows_file(sha)) {
                ++report_.files_known;
                progress.end_file();
                continue;
            }
            ++report_.files_new;
            // A file is all or nothing: what was read from a file that goes to quarantine
            // (a refused document, an implausible figure) is rolled back to this point,
            // and comes in whole with the corrected file.
            ledger::Savepoint file_part(ledger_, "grant_file");
            // The file row comes first: sightings refer to it.
            ledger::SourceFileRecord rec{sha, f.shown, size_of(f), "grants", report_.batch_id, 0, 0, "taken", ""};
            ledger_.record_file(rec);
            intake.begin_file(sha, f.shown);
            FileTally tally = read_grants(f.path, f.shown, metered);
            FileReading& read = intake.file();
            tally.grants -= read.refused();
            tally.refused += read.refused();
            progress.end_file();
            read.figures().documents = tally.documents;
            report_.documents += tally.documents;
            report_.grants += tally.grants;
            report_.refused += tally.refused;
            rec.documents = tally.documents;
            rec.refused = tally.refused;
            auto implausible = gates_.check(read.figures());
            if (!read.problems().empty() || implausible) {
                rec.outcome = "quarantined";
                rec.reason = implausible && read.problems().empty()
                                 ? *implausible
                                 : fmt::format("{} of {} documents refused", tally.refused, tally.documents);
                quarantine_.put(f.path, f.shown, read.problems(), rec.reason, read.problems_unlisted());
                report_.quarantined.push_back(
                    read.problems().empty()
                        ? fmt::format("{}: {}", f.shown, rec.reason)
                        : fmt::format("{}: {}; first: {}", f.shown, rec.reason, describe(read.problems().front())));
                file_part.undo();
                intake.drop_file();
                ledger_.record_file(rec);
            } else {
                ledger_.settle_file(rec);
            }
            file_part.keep();
        }
    }

    // Held grants are decided again when what holds them may have changed (issue 17: not
    // every hold every night). All of them when the policy file, the patsub version, the
    // kind table or the set of payee registry snapshots differ from what they were last
    // all decided on (a payee registered since, a version published for a gap, a kind
    // settled), or after a new enterprise list; otherwise those the batch's new records or
    // grants concern (a dispute closed, another publication of the application, a family
    // grown) and those held for a grant date after an earlier run's day, which this run's
    // day may have reached.
    void add_held_grants(GrantIntake& intake, const std::vector<NewList>& lists) {
        bool new_recognitions = false;
        for (const auto& l : lists) new_recognitions = new_recognitions || l.file.list == "enterprises";
        if (new_recognitions || hold_inputs_ != ledger::last_hold_inputs(ledger_)) {
            queue_known(intake, ledger_.held_grants());
            hold_inputs_changed_ = true;
            return;
        }
        queue_known(intake, ledger::held_for(ledger_, {"grant_after_as_of"}));
        queue_known(intake, ledger::held_touched_by(ledger_, report_.batch_id));
    }

    // Grants read in earlier batches join this run's candidates (once each).
    void queue_known(GrantIntake& intake, const std::vector<std::string>& ids) {
        for (const auto& id : ids) {
            if (intake.candidates().contains(id)) continue;
            if (auto g = ledger_.load_grant(id)) intake.add_known(*g);
        }
    }

    // Payments recovered because of a dispute whose latest record is now a closing.
    std::vector<std::string> disputes_closed_since_recovery() {
        std::vector<std::string> out;
        for (const auto& id : ledger::recovered_for_dispute(ledger_, report_.batch_id)) {
            const auto g = ledger_.load_grant(id);
            if (!g) continue;
            const auto dispute = facts_.dispute(*g);
            if (dispute && !dispute->open) out.push_back(id);
        }
        return out;
    }

    // Late news about grants already paid becomes a recovery line (reading 10). Returns
    // the grants whose payment was taken back.
    std::vector<std::string> recover_payments() {
        std::vector<std::string> recovered;
        for (const auto& paid : ledger_.recovery_candidates(report_.batch_id)) {
            auto g = ledger_.load_grant(paid.grant_id);
            // A payment held before export because its payee left (reading 18) was never
            // made: there is nothing to take back.
            if (!g || ledger_.has_event(recovery_key_for(paid.event_key)) ||
                ledger_.has_event(left_registry_key_for(paid.event_key)))
                continue;
            auto d = rules_.recovery(*g, paid.clause, paid.policy_version, paid.amount, paid.event_key, facts_);
            if (!d) continue;
            d->payee = Payee{paid.payee_uscc, paid.payee_name, {}, "", "", ""};
            const Classification c = classify(*g, kinds_, policy_.nearest(g->date));
            writer_.write(std::nullopt, ledger::line_for(*g, c, *d, paid.family, report_.batch_id, started_));
            recovered.push_back(paid.grant_id);
        }
        return recovered;
    }

    // Decided on the facts as the ledger holds them, which `explain` shows too.
    void decide(const Candidate& cand) {
        const auto grant = ledger_.load_grant(cand.grant_id);
        if (!grant) throw std::logic_error("candidate " + cand.grant_id + " is not in the ledger");
        const Classification c = classify(*grant, kinds_, policy_.nearest(grant->date));
        auto d = rules_.decide(*grant, c, facts_);
        if (!d) return;  // in scope when read; a registry change may have moved it out
        const std::string& id = cand.grant_id;
        auto line = ledger::line_for(*grant, c, *d, facts_.families().family_of(id), report_.batch_id, started_);
        auto latest = ledger_.latest_line(id, line.clause);  // before `line` is moved from
        // A payment held because its payee left the registry stays held under that
        // reason while the payee is still away (rather than a new payee_not_registered line).
        if (latest && latest->status == LineStatus::held && latest->reason == "payee_left_registry" &&
            line.status == LineStatus::held && line.reason == "payee_not_registered")
            return;
        writer_.write(std::move(latest), std::move(line));
    }

    // 8.9 / 8.10: each recognition row is decided when it first arrives, and again while
    // its latest line is held.
    void decide_awards() {
        for (const auto& stored : facts_.references().recognitions()) {
            const Recognition& r = stored.recognition;
            const bool new_row = stored.first_batch == report_.batch_id;
            const PolicyVersion& v = policy_.nearest(Date{std::chrono::year{r.year}, std::chrono::December,
                                                          std::chrono::day{31}});
            const Clause* clause = v.award_clause(r.recognition);
            const std::string clause_id = clause ? clause->id : "";
            auto latest = ledger_.latest_award_line(r.uscc, clause_id);
            if (!new_row && !(latest && latest->status == LineStatus::held)) continue;
            const bool awarded = !clause_id.empty() && facts_.awarded(r.uscc, clause_id);
            const int round = clause_id.empty() ? 1 : facts_.next_award_round(r.uscc, clause_id);
            const Decision d = awards_.decide(r, awarded, round);
            // As for grants: an award held because the enterprise left the registry stays
            // held under that reason while it is still away.
            if (latest && latest->status == LineStatus::held && latest->reason == "payee_left_registry" &&
                d.status == LineStatus::held && d.reason == "payee_not_registered")
                continue;
            writer_.write(latest, ledger::line_for_award(r, d, report_.batch_id, started_));
        }
    }

    const RunOptions& o_;
    const Policy& policy_;
    const KindTable& kinds_;
    const Inbox& inbox_;
    const std::vector<PayeeSnapshot>& snapshots_;
    GrantRules rules_;
    AwardRules awards_;
    ledger::Ledger& ledger_;
    InboxHashes& hashes_;
    LedgerFacts facts_;
    Quarantine quarantine_;
    RunReport report_;
    LineWriter writer_;
    PlausibilityGates gates_;
    std::string started_ = utc_now();
    int new_lists_and_registries_ = 0;
    bool took_snapshot_ = false;
    std::string hold_inputs_;  // digest of what this run decides holds on
    bool hold_inputs_changed_ = false;

  public:
    // After the batch committed or was rolled back: every held grant has now been decided
    // on this run's inputs (a rolled-back batch decided them and changed nothing).
    void record_hold_inputs() {
        if (hold_inputs_changed_) ledger::record_hold_inputs(ledger_, hold_inputs_);
    }
};

void refuse_impossible_as_of(ledger::Ledger& ledger, const RunOptions& o) {
    const Date tomorrow{std::chrono::sys_days{o.today} + std::chrono::days{1}};
    if (o.as_of > tomorrow)
        throw AsOfRefused(fmt::format("--as-of {} is later than tomorrow ({}): a run decides on a day that has come",
                                      to_iso(o.as_of), to_iso(tomorrow)));
    if (auto last = ledger.last_as_of(); last && o.as_of < *last)
        throw AsOfRefused(fmt::format("--as-of {} is earlier than the last batch's as-of date {}: the ledger does not "
                                      "go back in time",
                                      to_iso(o.as_of), to_iso(*last)));
}

}  // namespace

RunReport run_batch(const RunOptions& o) {
    // Everything that can refuse the run is read before the ledger is written.
    const Policy policy = Policy::load(o.policy, o.policy_schema);
    const KindTable kinds = KindTable::load(o.kinds);
    const Inbox inbox(o.inbox);
    // The review page's reason and district texts sit beside the kind table.
    const auto review_texts = exports::ReviewTexts::load(o.kinds.parent_path());

    const RunLock lock(o.db);
    ledger::Ledger ledger(o.db);
    ledger::AnchoredWrite anchored(ledger, o.anchors,
                                   std::filesystem::absolute(o.out).lexically_normal().parent_path() / "anchors.log");
    refuse_impossible_as_of(ledger, o);
    // The lists and snapshots are read whole before the batch begins: a bad one refuses
    // the run with nothing written.
    InboxHashes hashes(ledger);
    const auto payee_snapshots = read_payee_snapshots(inbox, policy, o.as_of, hashes);
    auto lists = read_new_lists(inbox, ledger, hashes);
    const PayeeRegistry payees = latest_registry(payee_snapshots, ledger);

    BatchRun batch(o, policy, kinds, inbox, payee_snapshots, payees, ledger, hashes);
    RunReport report = batch.run(std::move(lists));
    if (report.nothing_new) {
        hashes.remember();
        batch.record_hold_inputs();
        report.repaired = repair_batch_dirs(ledger, o.out, review_texts, 0);
        return report;
    }
    anchored.anchor("batch");
    try {
        report.batch_dir = write_batch_dir(ledger, report.batch_id, o.out, review_texts);
        report.repaired = repair_batch_dirs(ledger, o.out, review_texts, report.batch_id);
    } catch (const std::exception& e) {
        throw ledger::CommittedButNotWritten(fmt::format("batch {} is committed, but its outputs could not be written "
                                                         "({}); the next run or `patsub review` writes them again",
                                                         report.batch_id, e.what()));
    }
    // After the batch is anchored: fingerprints and hold inputs are caches beside it.
    hashes.remember();
    batch.record_hold_inputs();
    return report;
}

std::string summary_line(const RunReport& r) {
    if (r.nothing_new) {
        std::string line = fmt::format("no batch: nothing new ({} files known, no line to decide)", r.files_known);
        if (!r.ignored.empty()) line += fmt::format(", {} inbox entries ignored", r.ignored.size());
        if (!r.still_quarantined.empty())
            line += fmt::format(", {} quarantined earlier and not acknowledged", r.still_quarantined.size());
        return line;
    }
    auto count = [&](LineStatus s) {
        auto it = r.lines_by_status.find(s);
        return it == r.lines_by_status.end() ? 0 : it->second;
    };
    std::string line = fmt::format(
        "batch {}: {} new files ({} known), {} documents, {} grants, {} out of scope, {} lines "
        "({} payable, {} held, {} rejected, {} recovery; net {} CNY), {} refused documents, {} quarantined",
        r.batch_id, r.files_new, r.files_known, r.documents, r.grants, r.out_of_scope, r.lines, count(LineStatus::payable),
        count(LineStatus::held), count(LineStatus::rejected), count(LineStatus::recovery), to_yuan(r.payable), r.refused, r.quarantined.size());
    if (!r.ignored.empty()) line += fmt::format(", {} inbox entries ignored", r.ignored.size());
    if (!r.still_quarantined.empty())
        line += fmt::format(", {} quarantined earlier and not acknowledged", r.still_quarantined.size());
    return line;
}

}  // namespace patsub::batch

// RuleFacts: what the rules need to know beyond the grant itself: what was paid before,
// the grant's family and the jurisdictions it has been funded in (8.5), and what the
// reference lists say (rights disputes, abnormal-application notices). The batch answers
// from the ledger; tests answer from plain values. Rules never see SQL.
#pragma once

#include "model/date.h"
#include "model/grant.h"
#include "model/patent_type.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace patsub {

struct FamilyStanding {
    std::string family;                // family id
    std::vector<std::string> members;  // grant ids in the family, this one included
    std::set<std::string> funded;      // jurisdictions (offices) already paid under a cap clause
};

struct DisputeStanding {
    bool open = false;
    Date date;
    std::string note;
    std::string source;  // "disputes/2023-05.csv:4"
};

struct AbnormalStanding {
    std::string notice;
    Date notice_date;
    std::string source;
};

// Another CN publication of the same application (policy.md reading 12: a CN patent is
// its application number, whatever publication number it arrives under).
struct SamePatent {
    std::string grant_id;
    PatentType type = PatentType::other;
    bool recorded_before = false;  // read into the ledger before the grant being decided
    std::string paid_clause;       // the clause of its standing payment; "" when none
};

class RuleFacts {
  public:
    virtual ~RuleFacts() = default;
    // Whether the patent has a standing payment under the clause: paid and not taken back.
    // The money key is office + number + clause, whatever the kind, so an EP B2 or a
    // corrected reprint is the same patent as the B1 that was paid.
    virtual bool paid(const std::string& office, const std::string& number, const std::string& clause) = 0;
    // The round the next payment of this patent under the clause would be: 1 for a first
    // payment, 2 after one payment recovered because of a dispute that has since closed
    // (policy.md reading 16), and so on. Each round has its own money key.
    virtual int next_payment_round(const std::string& office, const std::string& number, const std::string& clause) {
        (void)office, (void)number, (void)clause;
        return 1;
    }
    virtual FamilyStanding family(const Grant& g, const std::set<std::string>& cap_clauses) = 0;
    // The latest record about this patent (by date, then list order), if any.
    virtual std::optional<DisputeStanding> dispute(const Grant& g) = 0;
    virtual std::optional<AbnormalStanding> abnormal(const Grant& g) = 0;
    // The other publications of a CN grant's application number; empty elsewhere.
    virtual std::vector<SamePatent> same_application(const Grant& g) = 0;
    // The payee (credit code, name) the grant's earlier lines named, if any: a grant whose
    // payee has left the registry is still its business (reading 18), though none of its
    // printed patentees now matches or looks like a Kunming entity (an English alias).
    virtual std::optional<std::pair<std::string, std::string>> former_payee(const Grant& g) {
        (void)g;
        return std::nullopt;
    }
};

// "pay|EP3383757|8.1": one payment per patent and clause, for ever; a payment made again
// after a recovery (reading 16) is round 2: "pay|EP3383757|8.1|2".
std::string payment_key(const std::string& office, const std::string& number, const std::string& clause,
                        int round = 1);
// "recover|EP3383757|8.1": the money of that payment asked back, once per round.
std::string recovery_key(const std::string& office, const std::string& number, const std::string& clause,
                         int round = 1);
// The recovery key answering a payment's key ("pay|X|8.1|2" -> "recover|X|8.1|2").
std::string recovery_key_for(const std::string& payment_event_key);
// The key of the held line that keeps an unexported payment (a grant's or an award's)
// from the treasury because its payee left the registry (policy.md reading 18): "left|" +
// the payment's key, once per payment. The payment it answers no longer stands; a payee
// that returns is paid again in the next round.
std::string left_registry_key_for(const std::string& payment_event_key);
// "award|<uscc>|8.9": one award per enterprise and level, for ever. An award held before
// export because the enterprise left the registry is made again, on its return, as round
// 2: "award|<uscc>|8.9|2".
std::string award_key(const std::string& uscc, const std::string& clause, int round = 1);

}  // namespace patsub

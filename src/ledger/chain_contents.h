// ChainContents: what each kind of chain event vouches for, as one SHA-256 over the
// rows concerned, read the same way when the event is written and when `verify`
// recomputes it. A batch event covers the batch row, the files it took and the
// reference records they held, the registry rows and bank changes it read, and its
// ledger lines (their count and the hash of the last, which chains every line before
// it); an approval covers the approval, its treasury file and rows and the lines it
// exported; a staff-hold event covers that hold or release; a notice event its publication and
// the lines it proposed; an objection event that objection.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

namespace patsub::ledger {

std::string batch_content(SQLite::Database& db, std::int64_t batch_id);
std::string approval_content(SQLite::Database& db, std::int64_t batch_id);
std::string staff_hold_content(SQLite::Database& db, std::int64_t event_id);
// `init`'s record of who created the ledger (ledger_origin, rowid).
std::string origin_content(SQLite::Database& db, std::int64_t rowid);
// A batch's public notice (notice_publications and the lines it proposed, 010).
std::string notice_content(SQLite::Database& db, std::int64_t batch_id);
// An objection to a noticed line (objections, objection_id).
std::string objection_content(SQLite::Database& db, std::int64_t objection_id);
// An operator's acknowledgement of a quarantined file (quarantine_acknowledgements, rowid).
std::string acknowledgement_content(SQLite::Database& db, std::int64_t rowid);
// A reviewer's mark on a batch, a note on a line (workbench, 009_people.sql).
std::string batch_review_content(SQLite::Database& db, std::int64_t review_id);
std::string annotation_content(SQLite::Database& db, std::int64_t annotation_id);

}  // namespace patsub::ledger

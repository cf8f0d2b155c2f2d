// The grants a batch's new reference records name: the rows of the dispute and abnormal
// lists that batch read (through its source_files rows), matched to recorded grants by
// publication or by CN application number. A common table expression `named(grant_id)`
// whose batch id is the statement's parameter ?1, for the statements that act on late
// news: recoveries (Ledger::recovery_candidates) and decisions taken again (redecision.h).
// Each arm starts from the batch's files and reaches grants through an index
// (grants_publication, grants_application): the cost follows the new records, not the
// size of the ledger.
#pragma once

namespace patsub::ledger {

inline constexpr const char* named_by_batch_records =
    "named(grant_id) AS ("
    "  SELECT g.grant_id FROM source_files s JOIN dispute_records d ON d.sha256 = s.sha256 "
    "  JOIN grants g ON g.office = substr(d.patent_key, 5, 2) AND g.number = substr(d.patent_key, 7) "
    "  WHERE s.batch_id = ?1 AND d.patent_key LIKE 'PUB:%' "
    "  UNION SELECT g.grant_id FROM source_files s JOIN dispute_records d ON d.sha256 = s.sha256 "
    "  JOIN grants g ON g.application_number = substr(d.patent_key, 8) AND +g.office = 'CN' "
    "  WHERE s.batch_id = ?1 AND d.patent_key LIKE 'APP:CN:%' "
    "  UNION SELECT g.grant_id FROM source_files s JOIN abnormal_records a ON a.sha256 = s.sha256 "
    "  JOIN grants g ON g.application_number = a.application_number AND +g.office = 'CN' "
    "  WHERE s.batch_id = ?1)";

}  // namespace patsub::ledger

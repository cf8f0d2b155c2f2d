-- Lookups of the latest registry snapshot (policy.md reading 18) served by indexes, not by
-- reading every taken file or every ledger line (issue 17 point 1; e2e_query_plans):
-- the newest payees file taken, and each snapshot's rows by credit code. The payments of
-- departed payees are found through their payee (ledger_lines_payee, 009).
CREATE INDEX source_files_payee_snapshots ON source_files(batch_id, path) WHERE list = 'payees' AND outcome = 'taken';
CREATE INDEX payees_snapshot ON payees(registry_sha256, uscc);

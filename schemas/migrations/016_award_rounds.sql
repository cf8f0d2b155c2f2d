-- Award rounds (policy.md reading 18, issue 14 point 5): an award not yet exported when the
-- enterprise leaves the registry is answered by a held line ("left|award|<uscc>|8.9") and
-- no longer stands; when a snapshot lists the enterprise again the award is made again as
-- round 2 ("award|<uscc>|8.9|2"). As for grant payments (011), the database keeps its guard
-- on first awards (one per enterprise and clause), each later round is once by its key
-- (one_event_per_key), and `verify` checks that no enterprise has two standing awards
-- under a clause.
-- IF EXISTS / IF NOT EXISTS: a development ledger may have applied it as 018_award_rounds.
DROP INDEX IF EXISTS one_award_per_enterprise_clause;
CREATE UNIQUE INDEX IF NOT EXISTS one_first_award_per_enterprise_clause
    ON ledger_lines(payee_uscc, clause) WHERE status = 'payable' AND grant_id = ''
    AND event_key NOT LIKE 'award|%|%|%';

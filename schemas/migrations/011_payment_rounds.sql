-- Payment rounds (policy.md reading 16, issue 14 point 3): a payment recovered because of
-- a dispute is decided again when the dispute closes, and may be paid again. That second
-- payment is round 2 of the same patent and clause, with its own money key
-- ("pay|US11651001|8.1|2", answered if need be by "recover|US11651001|8.1|2"). The database
-- keeps its guard on first payments (one per grant and clause, as before); each later
-- round is once by its key (one_event_per_key); `verify` checks that no grant has two
-- standing payments under a clause.
DROP INDEX one_payment_per_grant_clause;
CREATE UNIQUE INDEX one_first_payment_per_grant_clause
    ON ledger_lines(grant_id, clause) WHERE status = 'payable' AND grant_id <> ''
    AND event_key NOT LIKE 'pay|%|%|%';

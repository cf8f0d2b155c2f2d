-- What the workbench and `patsub summary` read instead of a batch's lines (issue 13
-- point 6: a batch of a million lines answers every page in < 300 ms). A batch's lines
-- are counted and summed per status, clause, reason and payee as each line is written,
-- by the trigger below, in the same transaction as the line: the tally is committed
-- with its lines or not at all, and lines are append-only (001), so a tally never goes
-- stale. Staff holds, releases and objections are events beside the lines (002, 010),
-- not changes of a line's status, so they leave the tallies alone; corrections and
-- recoveries are new lines and are counted as they are written. `patsub verify`
-- recomputes every tally from the lines (ledger_audit.cpp).
--
-- One row per (batch, status, clause, reason, payee): a batch's rows number its payees
-- times a few statuses and reasons, not its lines. The payee (not its district) is kept
-- because a district is read from the payee registry in force when the page is shown.
CREATE TABLE batch_tallies (
    batch_id   INTEGER NOT NULL REFERENCES batches(batch_id),
    status     TEXT NOT NULL,
    clause     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    payee_uscc TEXT NOT NULL,
    lines      INTEGER NOT NULL,
    fen        INTEGER NOT NULL,
    PRIMARY KEY (batch_id, status, clause, reason, payee_uscc)
) WITHOUT ROWID;

INSERT INTO batch_tallies (batch_id, status, clause, reason, payee_uscc, lines, fen)
SELECT batch_id, status, clause, reason, payee_uscc, count(*), sum(amount_fen)
FROM ledger_lines GROUP BY batch_id, status, clause, reason, payee_uscc;

CREATE TRIGGER ledger_lines_tally AFTER INSERT ON ledger_lines
BEGIN
    INSERT INTO batch_tallies (batch_id, status, clause, reason, payee_uscc, lines, fen)
    VALUES (NEW.batch_id, NEW.status, NEW.clause, NEW.reason, NEW.payee_uscc, 1, NEW.amount_fen)
    ON CONFLICT (batch_id, status, clause, reason, payee_uscc)
    DO UPDATE SET lines = lines + 1, fen = fen + excluded.fen;
END;

-- Keyset paging (`WHERE (sort key, line_id) > (?, ?)`) needs an index that delivers each
-- sort order of the batch page in order, with or without its most used filter. Line
-- order within a status (the status filter, the status sort), within a reason, and a
-- company's lines within a batch; amount and clause order are served by 009's indexes.
CREATE INDEX ledger_lines_batch_status_line ON ledger_lines(batch_id, status, line_id);
CREATE INDEX ledger_lines_batch_payee ON ledger_lines(payee_uscc, batch_id);

-- Public notice before payment (公示, policy.md reading 19; issue 13 point 4). A reviewer
-- publishes a batch's proposed payments for a period of working days; objections received
-- are recorded against a line and hold it; the batch may be approved only after the
-- period, and its treasury file carries only lines that were on the notice. Like every
-- table that records a person's act these only grow (triggers below), and each row is
-- vouched for by a chain event (kinds notice, objection; src/ledger/chain_contents.cpp).

-- One publication per batch: who, when, the period as counted then (bureau dates), the
-- objection channel and contacts printed, the clause meanings and the chain head printed,
-- so that notice-<batch>.html and .csv can be written again byte for byte from the ledger.
CREATE TABLE notice_publications (
    batch_id          INTEGER PRIMARY KEY REFERENCES batches(batch_id),
    published_by      TEXT NOT NULL CHECK (published_by <> ''),
    role              TEXT NOT NULL,            -- reviewer, script, ... (src/model/actor.h)
    door              TEXT NOT NULL,            -- workbench, command_line
    address           TEXT NOT NULL DEFAULT '', -- client address or host name
    published_at      TEXT NOT NULL,            -- UTC instant
    time_zone         TEXT NOT NULL,            -- the bureau's zone the dates below are in
    published_on      TEXT NOT NULL,            -- bureau date of published_at
    first_day         TEXT NOT NULL,            -- first working day of the period
    last_day          TEXT NOT NULL,            -- last working day; approval opens the day after
    working_days      INTEGER NOT NULL CHECK (working_days > 0),
    calendar          TEXT NOT NULL,            -- the holiday list's name and SHA-256
    objection_channel TEXT NOT NULL CHECK (objection_channel <> ''),
    contacts          TEXT NOT NULL DEFAULT '',
    publisher         TEXT NOT NULL,            -- the office printed as publishing
    clause_texts      TEXT NOT NULL DEFAULT '', -- "clause<TAB>meaning" lines printed
    chain_head        TEXT NOT NULL,            -- "event S <hash>" before the publication
    lines             INTEGER NOT NULL,
    total_fen         INTEGER NOT NULL,
    CHECK (last_day >= first_day AND first_day > published_on)
);

-- The lines a notice proposed: the only lines the batch's approval may export.
CREATE TABLE notice_lines (
    batch_id INTEGER NOT NULL REFERENCES notice_publications(batch_id),
    line_id  INTEGER NOT NULL REFERENCES ledger_lines(line_id),
    PRIMARY KEY (batch_id, line_id)
) WITHOUT ROWID;
CREATE INDEX notice_lines_line ON notice_lines(line_id);

-- An objection (异议) to a noticed line: who entered it, where it came from (letter,
-- telephone, the mailbox named on the notice), what it says. It holds the line through a
-- staff hold (hold_event) unless staff hold it already (then NULL: that hold stands).
CREATE TABLE objections (
    objection_id  INTEGER PRIMARY KEY,
    line_id       INTEGER NOT NULL REFERENCES ledger_lines(line_id),
    batch_id      INTEGER NOT NULL REFERENCES notice_publications(batch_id),
    entered_by    TEXT NOT NULL CHECK (entered_by <> ''),
    role          TEXT NOT NULL,
    door          TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL CHECK (source <> ''),
    text          TEXT NOT NULL CHECK (text <> ''),
    received_at   TEXT NOT NULL,              -- UTC instant it was entered
    within_period INTEGER NOT NULL CHECK (within_period IN (0, 1)),
    hold_event    INTEGER REFERENCES staff_holds(event_id)
);
CREATE INDEX objections_line ON objections(line_id);

CREATE TRIGGER notice_publications_append_only_update BEFORE UPDATE ON notice_publications
BEGIN SELECT RAISE(ABORT, 'notice publications are append-only'); END;
CREATE TRIGGER notice_publications_append_only_delete BEFORE DELETE ON notice_publications
BEGIN SELECT RAISE(ABORT, 'notice publications are append-only'); END;
CREATE TRIGGER notice_lines_append_only_update BEFORE UPDATE ON notice_lines
BEGIN SELECT RAISE(ABORT, 'notice lines are append-only'); END;
CREATE TRIGGER notice_lines_append_only_delete BEFORE DELETE ON notice_lines
BEGIN SELECT RAISE(ABORT, 'notice lines are append-only'); END;
CREATE TRIGGER objections_append_only_update BEFORE UPDATE ON objections
BEGIN SELECT RAISE(ABORT, 'objections are append-only'); END;
CREATE TRIGGER objections_append_only_delete BEFORE DELETE ON objections
BEGIN SELECT RAISE(ABORT, 'objections are append-only'); END;

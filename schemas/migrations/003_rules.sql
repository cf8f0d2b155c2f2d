-- What the rules remember across runs besides the lines themselves: families (8.5) and
-- the reference lists, stored row by row the first time their file is seen, so that a
-- dispute or an abnormal-application notice keeps counting even if its file later
-- leaves the inbox.

-- Family index (policy.md reading 7): every grant in scope belongs to one family; keys
-- are what links grants (a priority application, a PCT application, a DOCDB family id,
-- the grant's own application). Families merge when a new grant shares a key with two.
-- Other printed forms of a patentee's name (DOCDB's docdb/docdba/epodoc/original), so
-- that a held grant decided again later can still match a registry alias.
ALTER TABLE grant_patentees ADD COLUMN other_names TEXT NOT NULL DEFAULT '';  -- '|'-joined

CREATE TABLE families (
    grant_id TEXT PRIMARY KEY REFERENCES grants(grant_id),
    family   TEXT NOT NULL
);
CREATE INDEX families_family ON families(family);

CREATE TABLE family_keys (
    key      TEXT NOT NULL,   -- "APP:CN:201910123456", "PCT:CN2008071839", "DOCDB:23011249"
    grant_id TEXT NOT NULL REFERENCES grants(grant_id),
    PRIMARY KEY (key, grant_id)
);
CREATE INDEX family_keys_grant ON family_keys(grant_id);

CREATE TABLE dispute_records (
    record_id  INTEGER PRIMARY KEY,
    patent     TEXT NOT NULL,  -- as listed
    patent_key TEXT NOT NULL,  -- "PUB:US11223344" or "APP:CN:201920123456.5"
    status     TEXT NOT NULL CHECK (status IN ('open','closed')),
    date       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    sha256     TEXT NOT NULL REFERENCES source_files(sha256),
    line       INTEGER NOT NULL
);
CREATE INDEX dispute_records_key ON dispute_records(patent_key, date);

CREATE TABLE abnormal_records (
    record_id          INTEGER PRIMARY KEY,
    application_number TEXT NOT NULL,  -- canonical, check digit verified
    notice             TEXT NOT NULL DEFAULT '',
    notice_date        TEXT NOT NULL,
    sha256             TEXT NOT NULL REFERENCES source_files(sha256),
    line               INTEGER NOT NULL
);
CREATE INDEX abnormal_records_app ON abnormal_records(application_number);

CREATE TABLE enterprise_recognitions (
    record_id   INTEGER PRIMARY KEY,
    uscc        TEXT NOT NULL,
    name        TEXT NOT NULL,
    recognition TEXT NOT NULL CHECK (recognition IN ('demonstration','pilot')),
    year        INTEGER NOT NULL,
    sha256      TEXT NOT NULL REFERENCES source_files(sha256),
    line        INTEGER NOT NULL,
    first_batch INTEGER NOT NULL REFERENCES batches(batch_id)
);
CREATE INDEX enterprise_recognitions_uscc ON enterprise_recognitions(uscc, recognition);

-- The zip member a grant was read from ('' for a plain or gzip file). Documents count
-- from 1 again in every member of an archive, so the archive's path and a document
-- number alone do not say where a grant was read; `explain` shows "archive.zip!member".
ALTER TABLE grant_sightings ADD COLUMN member TEXT NOT NULL DEFAULT '';

-- What the site's engineers track against each derived gap: owner, due date, status and the
-- auditor's recommendation. Keyed by the stable gap id, so it survives re-scoring; a row whose gap
-- has gone (the requirement is now satisfied) is kept as history and simply no longer matched.
CREATE TABLE gap_tracking (
  assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  gap_id         TEXT NOT NULL,
  owner          TEXT NOT NULL DEFAULT '',
  due            TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'resolved', 'accepted')),
  recommendation TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (assessment_id, gap_id)
) WITHOUT ROWID;

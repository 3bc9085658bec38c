-- Assessments and their hash-chained audit trail.
CREATE TABLE assessment (
  id                  TEXT PRIMARY KEY,
  title               TEXT NOT NULL,
  organisation        TEXT NOT NULL DEFAULT '',
  site                TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'review', 'final')),
  assessors           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(assessors)),
  scope_statement     TEXT NOT NULL DEFAULT '',
  start_date          TEXT,
  end_date            TEXT,
  catalogs            TEXT NOT NULL DEFAULT '["iec-62443-2-1:2024","iec-62443-3-3:2013","iec-62443-4-2:2019"]' CHECK (json_valid(catalogs)),
  sms_target_maturity INTEGER NOT NULL DEFAULT 3 CHECK (sms_target_maturity BETWEEN 1 AND 4),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX assessment_updated ON assessment (updated_at DESC);

-- One chain per assessment; rows outlive a deleted assessment so its deletion stays on record.
CREATE TABLE audit_event (
  assessment_id TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  entity        TEXT NOT NULL,
  entity_id     TEXT NOT NULL,
  data          TEXT NOT NULL CHECK (json_valid(data)),
  prev          TEXT NOT NULL,
  hash          TEXT NOT NULL,
  PRIMARY KEY (assessment_id, seq)
) WITHOUT ROWID;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

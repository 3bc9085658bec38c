-- Evidence metadata per assessment; the files live content-addressed under <workspace>/evidence.
CREATE TABLE evidence (
  assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  file_name      TEXT NOT NULL,
  media_type     TEXT NOT NULL,
  size           INTEGER NOT NULL CHECK (size >= 0),
  kind           TEXT NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'photo', 'screenshot', 'note')),
  captured_at    TEXT NOT NULL,
  captured_by    TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  metadata       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  added_at       TEXT NOT NULL,
  removed_at     TEXT,
  removed_by     TEXT,
  removed_reason TEXT,
  PRIMARY KEY (assessment_id, sha256)
);

-- target_kind/target_id: 'response' + responseKey(scope, requirement), 'finding' + finding id, 'asset' + asset id.
CREATE TABLE evidence_link (
  assessment_id TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  target_kind   TEXT NOT NULL CHECK (target_kind IN ('response', 'finding', 'asset')),
  target_id     TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (assessment_id, sha256, target_kind, target_id),
  FOREIGN KEY (assessment_id, sha256) REFERENCES evidence (assessment_id, sha256) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX evidence_link_target ON evidence_link (assessment_id, target_kind, target_id);

-- Thumbnails are made once per file content and cached here.
CREATE TABLE thumbnail (
  sha256 TEXT PRIMARY KEY,
  png    BLOB NOT NULL
);

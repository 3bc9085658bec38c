-- Results, edition 2 (domain.md): N/A justifications, compensating controls as records, asset roles,
-- certificates and end of life, and the overlays an assessment was scored with.

-- An N/A answer carries its reason. Existing N/A answers with a comment take it as their reason;
-- those without stay N/A with an empty reason, which the rules count as open ("justification missing").
ALTER TABLE response ADD COLUMN justification TEXT NOT NULL DEFAULT '';
UPDATE response SET justification = comment WHERE result = 'not-applicable' AND trim(comment) <> '';

CREATE TABLE compensating_control (
  assessment_id           TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  id                      TEXT NOT NULL,
  description             TEXT NOT NULL,
  kind                    TEXT NOT NULL CHECK (kind IN ('isolation', 'filtering', 'monitoring', 'procedure', 'physical', 'other')),
  -- the item whose native result it relies on; all three NULL when none
  implemented_scope_kind  TEXT CHECK (implemented_scope_kind IN ('organisation', 'zone', 'conduit', 'asset')),
  implemented_scope_id    TEXT,
  implemented_requirement TEXT,
  owner                   TEXT NOT NULL DEFAULT '',
  review_due              TEXT CHECK (review_due IS NULL OR review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  PRIMARY KEY (assessment_id, id),
  CHECK ((implemented_scope_kind IS NULL) = (implemented_requirement IS NULL))
) WITHOUT ROWID;

CREATE TABLE control_cover (
  assessment_id TEXT NOT NULL,
  control_id    TEXT NOT NULL,
  scope_kind    TEXT NOT NULL CHECK (scope_kind IN ('organisation', 'zone', 'conduit', 'asset')),
  scope_id      TEXT NOT NULL,
  requirement   TEXT NOT NULL,
  PRIMARY KEY (assessment_id, control_id, scope_kind, scope_id, requirement),
  FOREIGN KEY (assessment_id, control_id) REFERENCES compensating_control (assessment_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX control_cover_item ON control_cover (assessment_id, scope_kind, scope_id, requirement);

CREATE TABLE control_evidence (
  assessment_id TEXT NOT NULL,
  control_id    TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  PRIMARY KEY (assessment_id, control_id, sha256),
  FOREIGN KEY (assessment_id, control_id) REFERENCES compensating_control (assessment_id, id) ON DELETE CASCADE,
  FOREIGN KEY (assessment_id, sha256) REFERENCES evidence (assessment_id, sha256) ON DELETE CASCADE
) WITHOUT ROWID;

-- The free-text compensating control of an answer becomes a record: kind other, covering that item,
-- implemented by nothing; the answer keeps its result and is flagged so the auditor reviews it.
CREATE TEMP TABLE migrated_control AS
  SELECT assessment_id, 'CC-' || lower(hex(randomblob(6))) AS id, scope_kind, scope_id, requirement,
         compensating_control AS description, assessed_at
  FROM response WHERE trim(compensating_control) <> '';
INSERT INTO compensating_control (assessment_id, id, description, kind, owner, review_due, created_at, updated_at)
  SELECT assessment_id, id, description, 'other', '', NULL, assessed_at, assessed_at FROM migrated_control;
INSERT INTO control_cover (assessment_id, control_id, scope_kind, scope_id, requirement)
  SELECT assessment_id, id, scope_kind, scope_id, requirement FROM migrated_control;
UPDATE response SET flagged = 1 WHERE trim(compensating_control) <> '';
DROP TABLE migrated_control;
ALTER TABLE response DROP COLUMN compensating_control;

-- Conditional 4-2 items (roles), product certificates (JSON list) and the vendor's end of support.
ALTER TABLE asset ADD COLUMN roles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles));
ALTER TABLE asset ADD COLUMN certificates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(certificates));
ALTER TABLE asset ADD COLUMN end_of_life TEXT
  CHECK (end_of_life IS NULL OR end_of_life GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- SHA-256 of each catalog overlay the assessment was last scored with, {catalogId: sha256}.
ALTER TABLE assessment ADD COLUMN scored_with TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(scored_with));

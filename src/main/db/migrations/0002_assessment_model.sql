-- Zones, conduits, assets, checklist responses and manual findings.
CREATE TABLE zone (
  id            TEXT NOT NULL,
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  sl_target     TEXT NOT NULL CHECK (json_valid(sl_target)),
  PRIMARY KEY (assessment_id, id)
);

CREATE TABLE conduit (
  id            TEXT NOT NULL,
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  zone_a        TEXT NOT NULL,
  zone_b        TEXT NOT NULL,
  protocols     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(protocols)),
  sl_target     TEXT NOT NULL CHECK (json_valid(sl_target)),
  PRIMARY KEY (assessment_id, id),
  FOREIGN KEY (assessment_id, zone_a) REFERENCES zone (assessment_id, id),
  FOREIGN KEY (assessment_id, zone_b) REFERENCES zone (assessment_id, id)
);

CREATE TABLE asset (
  id             TEXT NOT NULL,
  assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  zone_id        TEXT NOT NULL,
  component_type TEXT NOT NULL CHECK (component_type IN ('SAR', 'EDR', 'HDR', 'NDR')),
  vendor         TEXT NOT NULL DEFAULT '',
  model          TEXT NOT NULL DEFAULT '',
  firmware       TEXT NOT NULL DEFAULT '',
  legacy         INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1)),
  PRIMARY KEY (assessment_id, id),
  FOREIGN KEY (assessment_id, zone_id) REFERENCES zone (assessment_id, id)
);
CREATE INDEX asset_zone ON asset (assessment_id, zone_id);

-- scope_id is '' for the organisation scope.
CREATE TABLE response (
  assessment_id        TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  scope_kind           TEXT NOT NULL CHECK (scope_kind IN ('organisation', 'zone', 'conduit', 'asset')),
  scope_id             TEXT NOT NULL,
  requirement          TEXT NOT NULL,
  result               TEXT NOT NULL CHECK (result IN ('met', 'partially-met', 'not-met', 'not-applicable', 'not-assessed')),
  maturity             INTEGER CHECK (maturity BETWEEN 0 AND 4),
  compensating_control TEXT NOT NULL DEFAULT '',
  comment              TEXT NOT NULL DEFAULT '',
  flagged              INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
  assessed_by          TEXT NOT NULL DEFAULT '',
  assessed_at          TEXT NOT NULL,
  PRIMARY KEY (assessment_id, scope_kind, scope_id, requirement)
) WITHOUT ROWID;

CREATE TABLE finding (
  id             TEXT NOT NULL,
  assessment_id  TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  title          TEXT NOT NULL,
  requirement    TEXT,
  scope_kind     TEXT CHECK (scope_kind IN ('organisation', 'zone', 'conduit', 'asset')),
  scope_id       TEXT,
  severity       TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  description    TEXT NOT NULL DEFAULT '',
  recommendation TEXT NOT NULL DEFAULT '',
  owner          TEXT NOT NULL DEFAULT '',
  due            TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'resolved', 'accepted')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (assessment_id, id)
);

-- Licensed catalog overlays (docs/catalog-overlay.md): the official text an organisation that owns
-- the standard imports, at most one active per catalog, for the whole workspace. The file is kept
-- byte for byte so its SHA-256 can be checked again at any time.
CREATE TABLE catalog_overlay (
  catalog_id  TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  version     TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  file        BLOB NOT NULL,
  entries     INTEGER NOT NULL CHECK (entries > 0),
  texts       INTEGER NOT NULL CHECK (texts >= 0),
  corrections INTEGER NOT NULL CHECK (corrections >= 0),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) WITHOUT ROWID;

-- Every import, replacement and removal, kept after the overlay itself is gone. Append-only: an
-- overlay changes the levels every checklist is judged by, so who changed them must stay on record.
CREATE TABLE catalog_overlay_event (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('imported', 'replaced', 'removed')),
  catalog_id  TEXT NOT NULL,
  name        TEXT NOT NULL,
  version     TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  entries     INTEGER NOT NULL,
  corrections INTEGER NOT NULL
);
CREATE TRIGGER catalog_overlay_event_no_update BEFORE UPDATE ON catalog_overlay_event
BEGIN
  SELECT RAISE(ABORT, 'catalog_overlay_event is append-only');
END;
CREATE TRIGGER catalog_overlay_event_no_delete BEFORE DELETE ON catalog_overlay_event
BEGIN
  SELECT RAISE(ABORT, 'catalog_overlay_event is append-only');
END;

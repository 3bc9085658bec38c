-- Signing identities, the trust list, and the record of packages imported into the workspace.

-- private_pem is an encrypted PKCS#8 PEM (PBES2: scrypt + AES-256-CBC); the clear key is never stored.
CREATE TABLE signing_key (
  name        TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  fingerprint TEXT NOT NULL UNIQUE CHECK (fingerprint GLOB 'sha256:*'),
  public_pem  TEXT NOT NULL,
  private_pem TEXT NOT NULL CHECK (private_pem LIKE '-----BEGIN ENCRYPTED PRIVATE KEY-----%'),
  created_at  TEXT NOT NULL
);

-- Other auditors' public keys whose signatures this workspace trusts.
CREATE TABLE trusted_key (
  fingerprint TEXT NOT NULL PRIMARY KEY CHECK (fingerprint GLOB 'sha256:*'),
  name        TEXT NOT NULL,
  public_pem  TEXT NOT NULL,
  added_at    TEXT NOT NULL
);

-- A verified package opened for review or merged into an assessment. The package's own audit trail is
-- kept verbatim (JSON lines) so both chains survive a merge. A row with kind 'review' makes its
-- assessment read-only.
CREATE TABLE package_import (
  assessment_id       TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  tag_manifest_sha256 TEXT NOT NULL CHECK (length(tag_manifest_sha256) = 64),
  kind                TEXT NOT NULL CHECK (kind IN ('review', 'merge')),
  package_name        TEXT NOT NULL,
  signer_fingerprint  TEXT NOT NULL,
  signer_trusted      INTEGER NOT NULL CHECK (signer_trusted IN (0, 1)),
  source_assessment   TEXT NOT NULL,
  redaction           TEXT NOT NULL,
  trail               TEXT NOT NULL,
  imported_at         TEXT NOT NULL,
  imported_by         TEXT NOT NULL,
  PRIMARY KEY (assessment_id, tag_manifest_sha256)
);

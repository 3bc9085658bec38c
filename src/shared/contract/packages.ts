// Types of package verification and export, shared by main, the window and the CLI's --json output.

export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface VerifyCheck {
  id: string;
  label: string;
  status: CheckStatus;
  /** A sentence saying what was found, especially when it failed. */
  detail: string;
}

export type FileStatus = 'ok' | 'changed' | 'missing' | 'unlisted' | 'unreadable';

export interface VerifyFile {
  /** Path inside the bag, e.g. `data/evidence/<sha>/photo.jpg` or `bag-info.txt`. */
  path: string;
  status: FileStatus;
  size?: number;
  expected?: string;
  actual?: string;
  detail?: string;
}

export type Verdict = 'valid-trusted' | 'valid-untrusted' | 'invalid' | 'unreadable';

export interface SignerInfo {
  fingerprint: string;
  trusted: boolean;
  /** Who the workspace knows this key as. */
  name?: string;
  source?: 'own-key' | 'trust-list' | 'given';
}

export interface VerifyReport {
  file: string;
  verdict: Verdict;
  /** 0 valid and trusted, 3 valid but signer not trusted, 1 invalid, 2 could not read. */
  exitCode: 0 | 1 | 2 | 3;
  bagName?: string;
  signer?: SignerInfo;
  bagInfo: Record<string, string>;
  /** SHA-256 of tagmanifest-sha256.txt, when it was read. */
  tagManifestSha256?: string;
  checks: VerifyCheck[];
  files: VerifyFile[];
  /** The failures, most important first. */
  reasons: string[];
}

export type ExportKind = 'package' | 'gap-register' | 'report';

export interface ExportedFile {
  kind: ExportKind;
  path: string;
  size: number;
}

export interface ExportResult {
  folder: string;
  files: ExportedFile[];
  /** The signer's fingerprint, when a package was signed. */
  signerFingerprint?: string;
  signerName?: string;
  tagManifestSha256?: string;
  redaction: string;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportStatus {
  jobId: string;
  state: JobState;
  /** What is being written now, in words. */
  phase: string;
  bytesDone: number;
  bytesTotal: number;
  result?: ExportResult;
  error?: { code: string; message: string };
}

export interface PackageFileInfo {
  name: string;
  path: string;
  size: number;
  modifiedAt: string;
}

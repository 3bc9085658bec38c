import type { Catalog, CatalogPart } from '../../../core/catalog/types';
import type { FindingStatus } from '../../../core/domain';
import type { AssessmentModel, EvidenceMeta } from '../../../core/model';
import type { AssessmentScore } from '../../../core/scoring/types';
import type { CatalogVersion } from '../../../shared/contract/catalogs';

/** Owner, due date, status and recommendation the engineers track against one derived gap. */
export interface GapTracking {
  owner: string;
  /** YYYY-MM-DD */
  due: string | null;
  status: FindingStatus;
  recommendation: string;
}

/** Which edition (and licensed overlay) of a catalog the results were judged by, with its part and title. */
export interface ReportCatalog extends CatalogVersion {
  part: CatalogPart;
  title: string;
}

/**
 * Everything the two writers need, gathered once. The writers are pure functions of it, so they are
 * tested with fixtures built in the test and wired to the real services in one place (ReportService.input).
 */
export interface ReportInput {
  model: AssessmentModel;
  /** From the assessment record; not part of the scoring model. */
  scopeStatement: string;
  startDate: string | null;
  endDate: string | null;
  score: AssessmentScore;
  catalogs: Record<CatalogPart, Catalog>;
  catalogVersions: ReportCatalog[];
  evidence: EvidenceMeta[];
  /** PNG thumbnail of an evidence file, or null when it has none (not an image, or redacted). */
  thumbnail?: (sha256: string) => Promise<Uint8Array | null> | Uint8Array | null;
  /** Keyed by gap id; gaps without an entry are open with no owner. */
  tracking: ReadonlyMap<string, GapTracking>;
  signer?: { name: string; fingerprint: string };
  /** 'none' or the name of the redaction profile applied. */
  redaction: string;
  /** ISO timestamp printed on the outputs. */
  generatedAt: string;
}

export const UNTRACKED: GapTracking = { owner: '', due: null, status: 'open', recommendation: '' };

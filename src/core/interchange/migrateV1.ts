import { responseKey } from '../domain';
import { fnv1a64Base32 } from '../fnv1a64';
import type { AssessmentHeader, Asset, ChecklistResponse, CompensatingControl } from '../model';
import { INTERCHANGE_FORMAT, type InterchangeDocument } from './document';

/** A zonewalk.assessment/1 document: no controls, roles, certificates or justifications. */
export interface InterchangeDocumentV1
  extends Omit<
    InterchangeDocument,
    'format' | 'assessment' | 'assets' | 'responses' | 'compensatingControls' | 'gapTracking'
  > {
  format: 'zonewalk.assessment/1';
  assessment: Omit<AssessmentHeader, 'scopeStatement' | 'startDate' | 'endDate'>;
  assets: Omit<Asset, 'roles' | 'certificates' | 'endOfLife'>[];
  responses: (Omit<ChecklistResponse, 'justification'> & { compensatingControl: string })[];
}

/** The id a /1 answer's compensating-control text gets as a record: stable, from the answer's key. */
export function migratedControlId(r: Pick<ChecklistResponse, 'scope' | 'requirement'>): string {
  return `CC-${fnv1a64Base32(responseKey(r.scope, r.requirement))}`;
}

/**
 * A /1 document as /2 (domain.md "Format /1 documents"), with a warning per changed answer:
 * - N/A with a comment: the comment becomes the justification; without one: imported as open
 *   (not assessed, flagged), "justification missing", never a gap;
 * - a compensating-control text becomes a control {kind other, covers that item, implementedBy
 *   null}; the answer keeps its result and is flagged "migrated".
 */
export function migrateV1(doc: InterchangeDocumentV1): { doc: InterchangeDocument; warnings: string[] } {
  const warnings: string[] = [];
  const controls: CompensatingControl[] = [];
  const responses = doc.responses.map((r, i): ChecklistResponse => {
    const { compensatingControl, ...rest } = r;
    const out: ChecklistResponse = { ...rest, justification: '' };
    if (r.result === 'not-applicable') {
      if (r.comment.trim()) out.justification = r.comment;
      else {
        out.result = 'not-assessed';
        out.flagged = true;
        warnings.push(
          `responses[${i}]: ${r.requirement} was not applicable without a reason (justification missing); imported as an open question.`,
        );
      }
    }
    if (compensatingControl.trim()) {
      const id = migratedControlId(r);
      controls.push({
        id,
        description: compensatingControl,
        kind: 'other',
        covers: [{ scope: r.scope, requirement: r.requirement }],
        implementedBy: null,
        owner: '',
        evidence: [],
        reviewDue: null,
      });
      out.flagged = true;
      warnings.push(
        `responses[${i}].compensatingControl: migrated to compensating control ${id} (kind other, nothing implements it); the answer is flagged for review.`,
      );
    }
    return out;
  });
  return {
    doc: {
      ...doc,
      format: INTERCHANGE_FORMAT,
      assessment: { ...doc.assessment, scopeStatement: '', startDate: null, endDate: null },
      assets: doc.assets.map((a) => ({ ...a, roles: [], certificates: [], endOfLife: null })),
      responses,
      compensatingControls: controls,
      gapTracking: [],
    },
    warnings,
  };
}

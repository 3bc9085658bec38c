import type { ReportInput } from '../reportInput';
import { humanSize } from '../reportText';
import { type Content, dataTable, empty, h1, h2, t, UNSHAPED } from './blocks';

const METHOD = [
  'Zones and conduits were checked against the system requirements of IEC 62443-3-3 and each asset against the component requirements of IEC 62443-4-2 for its component type, at the target security level (SL-T) of its zone.',
  'A requirement applies when its lowest required level is at or below the target for its foundational requirement. It is satisfied when it is met (with or without a compensating control) or not applicable; partially met, not met, not assessed and unanswered are not.',
  'The achieved level (SL-A) of a scope for a foundational requirement is the highest level at which every requirement of that level and below is satisfied. A zone achieves the lower of its own system level and the level of each asset in it. The gap is the target minus the achieved level, never below zero.',
  'The security programme was rated per requirement on the maturity levels of IEC 62443-2-1 (ML1 Initial to ML4 Improving); a programme element has the lowest maturity of its requirements. A requirement below the target maturity is a gap.',
  'Evidence files were hashed with SHA-256 when they were captured; the index below lists the hashes so any copy can be checked.',
];

/** Table cells must fit a page (rows do not break); long notes are cut with a visible ellipsis. */
function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

export function appendix(input: ReportInput): Content[] {
  const out: Content[] = [h1('Appendix', 'appendix'), h2('A. Scope and method')];
  out.push(
    input.scopeStatement.trim()
      ? t(input.scopeStatement, { margin: [0, 0, 0, 6] })
      : empty('No scope statement was recorded for this assessment.'),
  );
  out.push({ ul: METHOD.map((m) => ({ text: m, margin: [0, 0, 0, 3] })), margin: [0, 0, 0, 8] });

  out.push(h2('B. Catalogs and versions'));
  out.push(
    dataTable(
      [90, '*', 110, 90],
      ['Catalog', 'Title', 'Edition', 'Licensed text'],
      input.catalogVersions.map((c) => [
        { text: c.catalogId, style: 'mono' },
        t(c.title),
        t(c.edition),
        c.overlay
          ? t(
              `${c.overlay.name} ${c.overlay.version}, loaded ${c.overlay.importedAt.slice(0, 10)}, SHA-256 ${c.overlay.sha256.slice(0, 16)}…`,
            )
          : 'none loaded',
      ]),
    ),
  );
  out.push({
    text: 'The shipped catalogs carry identifiers, short titles and level applicability of the standard with Zonewalk\u2019s own guidance; they do not reproduce the standard\u2019s text.',
    style: 'small',
    margin: [0, 0, 0, 8],
  });

  out.push(h2('C. Evidence index'));
  if (input.evidence.length === 0) {
    out.push(empty('No evidence files were attached to this assessment.'));
    return out;
  }
  out.push(
    dataTable(
      ['*', 60, 44, 62, 150],
      ['File', 'Type', 'Size', 'Captured', 'SHA-256'],
      input.evidence.map((e) => [
        {
          stack: [t(e.fileName), ...(e.description ? [t(clip(e.description, 300), { style: 'small' })] : [])],
        },
        { text: e.mediaType, fontSize: 7.5 },
        humanSize(e.size),
        { text: e.capturedAt.slice(0, 16).replace('T', ' '), fontSize: 7.5 },
        // Two lines of 32 hex digits read and compare more easily than one 64-digit line.
        { text: `${e.sha256.slice(0, 32)}\n${e.sha256.slice(32)}`, style: 'mono', fontFeatures: UNSHAPED },
      ]),
    ),
  );
  return out;
}

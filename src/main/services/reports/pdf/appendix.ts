import type { ReportInput } from '../reportInput';
import { humanSize } from '../reportText';
import { certificatesAppendix, controlsAppendix, notApplicableAppendix } from './auditAppendix';
import { type Content, dataTable, empty, h1, h2, t, UNSHAPED } from './blocks';
import { methodContent } from './method';

/** Table cells must fit a page (rows do not break); long notes are cut with a visible ellipsis. */
function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Appendix sections are lettered in order, so adding one never leaves a hole in the sequence. */
function lettered(): (title: string) => Content {
  let n = 0;
  return (title) => h2(`${String.fromCharCode(65 + n++)}. ${title}`);
}

export function appendix(input: ReportInput): Content[] {
  const section = lettered();
  const out: Content[] = [h1('Appendix', 'appendix'), section('Scope')];
  out.push(
    input.scopeStatement.trim()
      ? t(input.scopeStatement, { margin: [0, 0, 0, 6] })
      : empty('No scope statement was recorded for this assessment.'),
  );
  out.push(section('Method'));
  out.push(
    t(
      'How Zonewalk derives applicability, SL-A, SL-C, gaps, open questions and severity, as its documentation (docs/scoring.md) states it for this version.',
      { style: 'small', margin: [0, 0, 0, 6] },
    ),
  );
  out.push(...methodContent());

  out.push(section('Catalogs and versions'));
  out.push(
    dataTable(
      [78, '*', 64, 150],
      ['Catalog', 'Title', 'Edition', 'Licensed text'],
      input.catalogVersions.map((c) => [
        { text: c.catalogId, style: 'mono' },
        t(c.title),
        t(c.edition),
        c.overlay
          ? {
              stack: [
                t(`${c.overlay.name} ${c.overlay.version}, loaded ${c.overlay.importedAt.slice(0, 10)}`),
                // The whole digest: a certification body compares it with the overlay file it holds.
                {
                  text: `SHA-256 ${c.overlay.sha256.slice(0, 32)}\n${c.overlay.sha256.slice(32)}`,
                  style: 'mono',
                  fontFeatures: UNSHAPED,
                },
              ],
            }
          : 'none loaded',
      ]),
    ),
  );
  out.push({
    text: 'The shipped catalogs carry identifiers, short titles and level applicability of the standard with Zonewalk\u2019s own guidance; they do not reproduce the standard\u2019s text.',
    style: 'small',
    margin: [0, 0, 0, 8],
  });

  out.push(section('Compensating controls'));
  out.push(...controlsAppendix(input));
  out.push(section('Not applicable answers'));
  out.push(...notApplicableAppendix(input));
  out.push(section('Product certificates'));
  out.push(...certificatesAppendix(input));

  out.push(section('Evidence index'));
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

import { SEVERITIES } from '../../../../core/domain';
import type { Finding } from '../../../../core/model';
import { SEVERITY_COLOR } from '../colors';
import type { ReportInput } from '../reportInput';
import {
  evidenceNames,
  SCOPE_KIND_LABELS,
  SCOPE_KINDS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  scopeName,
  severityRank,
} from '../reportText';
import {
  type Content,
  dataTable,
  empty,
  h1,
  h2,
  keepTogether,
  type Node,
  runs,
  severityRun,
  t,
} from './blocks';

/** Image key for an evidence thumbnail in the document's `images` dictionary. */
export function thumbKey(sha256: string): string {
  return `ev-${sha256}`;
}

function sortFindings(list: Finding[]): Finding[] {
  return [...list].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}

function fact(label: string, value: string): Node[] {
  // Short values never break inside ("Due not / set" reads as two facts).
  const kept = value.length <= 24 ? value.replace(/ /g, '\u00a0') : value;
  return [{ text: `${label}\u00a0`, style: 'label' }, ...runs(kept), { text: '     ' }];
}

function findingBlock(
  input: ReportInput,
  f: Finding,
  n: number,
  thumbs: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): Content {
  const scope = f.scope
    ? `${SCOPE_KIND_LABELS[f.scope.kind]}: ${scopeName(input.model, f.scope)}`
    : 'Whole assessment';
  const pictures = f.evidence.filter((sha) => thumbs.has(sha));
  return {
    stack: [
      {
        // The title never ends a page without the facts that belong to it.
        stack: [
          { text: [severityRun(f.severity), { text: `  ${n}. ` }, ...runs(f.title)], style: 'h3' },
          {
            text: [
              ...fact('Requirement', f.requirement ?? 'none given'),
              ...fact('Scope', scope),
              ...fact('Status', STATUS_LABELS[f.status]),
              ...fact('Owner', f.owner || 'not assigned'),
              ...fact('Due', f.due ?? 'not set'),
            ],
            margin: [0, 0, 0, 4],
          },
        ],
        unbreakable: true,
      },
      ...(f.description.trim()
        ? [{ text: 'Description', style: 'label' }, t(f.description, { margin: [0, 1, 0, 5] })]
        : []),
      ...(f.recommendation.trim()
        ? [{ text: 'Recommendation', style: 'label' }, t(f.recommendation, { margin: [0, 1, 0, 5] })]
        : []),
      ...(f.evidence.length
        ? [
            {
              text: [
                { text: 'Evidence ', style: 'label' },
                ...f.evidence.flatMap((sha, i) => [
                  ...(i ? [{ text: ';  ' }] : []),
                  ...runs(names.get(sha) ?? 'file not in this export'),
                  { text: ` (${sha.slice(0, 12)}…)`, style: 'small' },
                ]),
              ],
              margin: [0, 0, 0, 4],
            },
          ]
        : []),
      ...(pictures.length
        ? [
            {
              columns: pictures
                .slice(0, 4)
                .map((sha) => ({ image: thumbKey(sha), fit: [110, 82], width: 116 })),
              columnGap: 6,
              margin: [0, 2, 0, 4],
            },
          ]
        : []),
    ],
    margin: [0, 4, 0, 12],
  };
}

const GAP_LIST_LIMIT = 40;

/** Manual findings most severe first, then the derived gaps in numbers and their most severe rows. */
export function findingsSection(input: ReportInput, thumbs: ReadonlySet<string>): Content[] {
  const out: Content[] = [h1('Findings', 'findings')];
  const findings = sortFindings(input.model.findings);
  if (findings.length === 0) out.push(empty('No findings were recorded in this assessment.'));
  const names = evidenceNames(input.evidence);
  findings.forEach((f, i) => {
    out.push(findingBlock(input, f, i + 1, thumbs, names));
  });

  const gaps = input.score.gaps;
  if (gaps.length === 0) {
    out.push(h2('Gaps from the checklists'));
    out.push(
      empty('No gaps: every requirement that applies at the target level is satisfied or not applicable.'),
    );
    return out;
  }
  const intro: Content[] = [h2('Gaps from the checklists')];
  intro.push(
    t(
      `The checklists show ${gaps.length} requirements that apply at the target level and are not satisfied. The table counts them by where they are; the gap register lists every one.`,
      { margin: [0, 0, 0, 6] },
    ),
  );
  intro.push(
    dataTable(
      ['*', 60, 60, 60, 60, 60],
      ['Severity', ...SCOPE_KINDS.map((k) => SCOPE_KIND_LABELS[k]), 'Total'],
      SEVERITIES.map((s) => {
        const of = gaps.filter((g) => g.severity === s);
        return [
          {
            text: SEVERITY_LABELS[s],
            bold: true,
            color: SEVERITY_COLOR[s].text,
            fillColor: SEVERITY_COLOR[s].fill,
          },
          ...SCOPE_KINDS.map((k) => String(of.filter((g) => g.scope.kind === k).length)),
          { text: String(of.length), bold: true },
        ];
      }),
    ),
  );
  out.push(keepTogether(intro, SEVERITIES.length));
  // Most severe first; at the same severity, the row with more severity points.
  const worst = [...gaps]
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.points - a.points)
    .slice(0, GAP_LIST_LIMIT);
  out.push({
    text: `The ${worst.length === gaps.length ? '' : `${worst.length} `}most severe gaps`,
    style: 'h3',
    margin: [0, 4, 0, 3],
  });
  out.push(
    dataTable(
      [62, 54, '*', 90, 50],
      ['Gap ID', 'Req.', 'Title', 'Scope', 'Severity'],
      worst.map((g) => [
        { text: g.gapId, style: 'mono' },
        { text: g.requirement, noWrap: false },
        t(g.title),
        t(g.scopeName),
        {
          text: SEVERITY_LABELS[g.severity],
          color: SEVERITY_COLOR[g.severity].text,
          fillColor: SEVERITY_COLOR[g.severity].fill,
        },
      ]),
      { fontSize: 8 },
    ),
  );
  if (worst.length < gaps.length)
    out.push({
      text: `${gaps.length - worst.length} further gaps are listed in the gap register.`,
      style: 'small',
    });
  return out;
}

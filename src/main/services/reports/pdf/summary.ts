import { FR_NAMES, FRS, SEVERITIES, SPES } from '../../../../core/domain';
import { SEVERITY_COLOR } from '../colors';
import type { ReportInput } from '../reportInput';
import { periodText, SEVERITY_LABELS, severityCounts, totalOf, zoneName } from '../reportText';
import { type Content, dataTable, empty, h1, runs, severityRun, t } from './blocks';
import { topPriorities } from './priorities';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function whatWasAssessed(input: ReportInput): string {
  const { model } = input;
  const a = model.assessment;
  const who = a.organisation || 'The organisation';
  const where = a.site ? ` at ${a.site}` : '';
  const parts = [
    plural(model.zones.length, 'zone'),
    plural(model.conduits.length, 'conduit'),
    plural(model.assets.length, 'asset'),
  ];
  return `${who} had its industrial control systems${where} assessed against IEC 62443${input.startDate || input.endDate ? ` (${periodText(input.startDate, input.endDate)})` : ''}. The assessors looked at ${parts.join(', ')} against the system requirements of IEC 62443-3-3 and the component requirements of IEC 62443-4-2, and at the organisation's security programme against IEC 62443-2-1.`;
}

function posture(input: ReportInput): string[] {
  const zones = input.score.zones;
  const lines: string[] = [];
  if (zones.length === 0) {
    lines.push('No zones were defined, so no security levels could be compared with their targets.');
  } else {
    const meeting = zones.filter((z) => FRS.every((fr) => z.gap[fr] === 0)).length;
    let worst = { gap: 0, zone: '', fr: FRS[0] as (typeof FRS)[number] };
    for (const z of zones)
      for (const fr of FRS)
        if (z.gap[fr] > worst.gap) worst = { gap: z.gap[fr], zone: zoneName(input.model, z.id), fr };
    const overall =
      worst.gap === 0
        ? 'Every zone reaches its target security level in all seven foundational requirements.'
        : `${meeting} of ${zones.length} zones reach their target security level in all seven foundational requirements. The largest shortfall is ${plural(worst.gap, 'level')}, in ${worst.fr} ${FR_NAMES[worst.fr].toLowerCase()} of ${worst.zone}.`;
    lines.push(overall);
  }
  const org = input.score.organisation;
  const rated = SPES.filter((s) => org.maturity[s] !== null && org.maturity[s] !== undefined);
  if (rated.length) {
    const atTarget = rated.filter((s) => (org.maturity[s] ?? 0) >= org.targetMaturity).length;
    lines.push(
      `The security programme reaches the target maturity ML${org.targetMaturity} in ${atTarget} of ${rated.length} programme elements.`,
    );
  }
  const { answered, total } = input.score.overall;
  if (total > 0 && answered < total)
    lines.push(
      `${Math.floor((answered / total) * 100)}% of the checklist items were answered (${answered} of ${total}); an unanswered item counts as a gap until it is assessed.`,
    );
  return lines;
}

export function executiveSummary(input: ReportInput): Content[] {
  const counts = severityCounts(input);
  const top = topPriorities(input);
  const totalGaps = input.score.gaps.length;
  const totalFindings = input.model.findings.length;
  return [
    h1('Executive summary', 'summary'),
    { text: 'What was assessed', style: 'h3' },
    t(whatWasAssessed(input), { style: 'lead' }),
    ...(input.scopeStatement.trim() ? [t(`Scope: ${input.scopeStatement}`, { margin: [0, 0, 0, 8] })] : []),
    { text: 'Overall posture', style: 'h3' },
    ...posture(input).map((line) => t(line, { style: 'lead' })),
    { text: 'The three most important things to fix', style: 'h3' },
    top.length
      ? {
          ol: top.map((p) => ({
            stack: [
              { text: [severityRun(p.severity), { text: '  ' }, ...runs(p.title, { bold: true })] },
              t([p.requirement, p.where].filter(Boolean).join(' · '), {
                style: 'muted',
                margin: [0, 1, 0, 6],
              }),
            ],
          })),
          margin: [0, 2, 0, 8],
        }
      : empty('Nothing to fix was found: no open findings and no gaps.'),
    {
      text: `Counts by severity: ${plural(totalFindings, 'finding')}, ${plural(totalGaps, 'gap')}`,
      style: 'h3',
      margin: [0, 6, 0, 3],
    },
    dataTable(
      ['*', 60, 50, 55, 50, 70, 50],
      ['Severity', 'Findings', 'Zone gaps', 'Conduit gaps', 'Asset gaps', 'Organisation gaps', 'Total'],
      [
        ...SEVERITIES.map((s) => [
          {
            text: SEVERITY_LABELS[s],
            bold: true,
            color: SEVERITY_COLOR[s].text,
            fillColor: SEVERITY_COLOR[s].fill,
          },
          String(counts[s].findings),
          String(counts[s].zone),
          String(counts[s].conduit),
          String(counts[s].asset),
          String(counts[s].organisation),
          { text: String(totalOf(counts[s])), bold: true },
        ]),
        [
          { text: 'All', bold: true },
          { text: String(totalFindings), bold: true },
          ...(['zone', 'conduit', 'asset', 'organisation'] as const).map((k) => ({
            text: String(SEVERITIES.reduce((n, s) => n + counts[s][k], 0)),
            bold: true,
          })),
          { text: String(totalFindings + totalGaps), bold: true },
        ],
      ],
    ),
    {
      text: 'Findings are the auditors\u2019 written observations; gaps are requirements that apply at the target level and are not satisfied. The Excel gap register lists every gap with its owner, due date and status.',
      style: 'small',
    },
  ];
}

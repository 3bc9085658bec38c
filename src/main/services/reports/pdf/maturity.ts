import { MATURITY_NAMES, type MaturityLevel, SPE_NAMES, SPES } from '../../../../core/domain';
import { gapColor } from '../colors';
import { maturityChart } from '../reportCharts';
import type { ReportInput } from '../reportInput';
import { type Content, dataTable, empty, h1, t } from './blocks';

/** The 2-1 maturity per security programme element against the target, as chart and table. */
export function maturitySection(input: ReportInput): Content[] {
  const org = input.score.organisation;
  const out: Content[] = [h1('Security programme maturity (IEC 62443-2-1)', 'maturity')];
  const rated = SPES.filter((s) => org.maturity[s] !== null && org.maturity[s] !== undefined);
  const orgAnswers = input.model.responses.filter((r) => r.scope.kind === 'organisation').length;
  if (orgAnswers === 0 && rated.every((s) => !org.maturity[s])) {
    out.push(
      empty(
        'The security programme questionnaire was not answered, so every programme element counts as ML0 (not implemented) below.',
      ),
    );
  }
  out.push(
    t(
      `Each bar is the lowest maturity found among the element\u2019s requirements; the dashed line is the target ML${org.targetMaturity} (${MATURITY_NAMES[org.targetMaturity as MaturityLevel] ?? ''}).`,
      { margin: [0, 0, 0, 6] },
    ),
  );
  out.push({
    svg: maturityChart(org.maturity, org.targetMaturity),
    width: 470,
    margin: [0, 0, 0, 8],
  });
  const below = new Map<string, number>();
  for (const g of input.score.gaps)
    if (g.scope.kind === 'organisation') below.set(g.fr, (below.get(g.fr) ?? 0) + 1);
  out.push(
    dataTable(
      [40, '*', 100, 45, 60],
      ['SPE', 'Security programme element', 'Maturity', 'Target', 'Below target'],
      SPES.map((s) => {
        const m = org.maturity[s];
        const short = m === null || m === undefined ? 0 : Math.max(0, org.targetMaturity - m);
        return [
          { text: s, bold: true },
          SPE_NAMES[s],
          m === null || m === undefined ? 'not applicable' : `ML${m} ${MATURITY_NAMES[m as MaturityLevel]}`,
          `ML${org.targetMaturity}`,
          {
            text: String(below.get(s) ?? 0),
            alignment: 'center',
            fillColor: gapColor(short).fill,
            color: gapColor(short).text,
          },
        ];
      }),
    ),
  );
  if (rated.length === 0) out.push(empty('No programme element could be rated.'));
  return out;
}

import { FRS, type SlVector } from '../../../../core/domain';
import { gapColor } from '../colors';
import { slChart } from '../reportCharts';
import type { ReportInput } from '../reportInput';
import { scopeName, zoneName } from '../reportText';
import { type Content, dataTable, empty, h1, h2, keepTogether, TABLE_LAYOUT, t } from './blocks';

const CHART_WIDTH = 420;

function maxGap(gap: SlVector): number {
  return Math.max(...FRS.map((fr) => gap[fr]));
}

function vectorCells(v: SlVector | null, colour = false): Content[] {
  return FRS.map((fr) => {
    if (!v) return { text: '–', alignment: 'center', color: '#8a94a3' };
    const cell = { text: String(v[fr]), alignment: 'center' };
    if (!colour) return cell;
    const c = gapColor(v[fr]);
    return { ...cell, fillColor: c.fill, color: c.text, bold: v[fr] > 0 };
  });
}

/** One SL-T against SL-A chart per zone (the dashboard's own SVG), then every zone and conduit in a table. */
export function zoneSection(input: ReportInput): Content[] {
  const { score, model } = input;
  const out: Content[] = [h1('Security levels per zone', 'zones')];
  if (score.zones.length === 0) {
    out.push(
      empty(
        'No zones were defined in this assessment, so there is nothing to compare with a target security level. Zones and their targets are added in the Zones and conduits section of Zonewalk.',
      ),
    );
    return out;
  }
  out.push(
    t(
      'Each chart sets the target security level (SL-T) of a zone beside the level it achieved (SL-A) for the seven foundational requirements. The achieved level is the lower of the zone\u2019s own system level and that of its weakest asset.',
      { margin: [0, 0, 0, 8] },
    ),
  );
  for (const z of score.zones) {
    const name = zoneName(model, z.id);
    out.push({
      stack: [
        h2(name),
        {
          svg: slChart(name, z.slTarget, z.slAchieved, `sl-${z.id}`),
          width: CHART_WIDTH,
          margin: [0, 0, 0, 4],
        },
        dataTable(
          [80, ...FRS.map(() => '*')],
          ['', ...FRS],
          [
            [{ text: 'SL-T target', bold: true }, ...vectorCells(z.slTarget)],
            [{ text: 'SL-A system', bold: true }, ...vectorCells(z.slSystem)],
            [{ text: 'SL-A assets', bold: true }, ...vectorCells(z.slComponents)],
            [{ text: 'SL-A achieved', bold: true }, ...vectorCells(z.slAchieved)],
            [{ text: 'Gap', bold: true }, ...vectorCells(z.gap, true)],
          ],
          { fontSize: 8, layout: { ...TABLE_LAYOUT, paddingTop: () => 1.5, paddingBottom: () => 1.5 } },
        ),
      ],
      unbreakable: true,
    });
  }

  const heading = h2('Zones and conduits');
  const gapItems = new Map<string, number>();
  for (const g of score.gaps) if (g.zoneId) gapItems.set(g.zoneId, (gapItems.get(g.zoneId) ?? 0) + 1);
  const assetsIn = (zoneId: string) => model.assets.filter((a) => a.zone === zoneId).length;
  const rows: Content[][] = [
    ...score.zones.map((z) => [
      t(zoneName(model, z.id), { bold: true }),
      'Zone',
      FRS.map((fr) => z.slTarget[fr]).join(' '),
      FRS.map((fr) => z.slAchieved[fr]).join(' '),
      {
        text: String(maxGap(z.gap)),
        alignment: 'center',
        fillColor: gapColor(maxGap(z.gap)).fill,
        color: gapColor(maxGap(z.gap)).text,
      },
      { text: String(assetsIn(z.id)), alignment: 'center' },
      { text: String(gapItems.get(z.id) ?? 0), alignment: 'center' },
    ]),
    ...score.conduits.map((c) => {
      const conduit = model.conduits.find((x) => x.id === c.id);
      const ends = conduit ? conduit.zones.map((id) => zoneName(model, id)).join(' \u2194 ') : '';
      return [
        {
          stack: [
            t(scopeName(model, { kind: 'conduit', id: c.id }), { bold: true }),
            t(ends, { style: 'small' }),
          ],
        },
        'Conduit',
        FRS.map((fr) => c.slTarget[fr]).join(' '),
        FRS.map((fr) => c.slAchieved[fr]).join(' '),
        {
          text: String(maxGap(c.gap)),
          alignment: 'center',
          fillColor: gapColor(maxGap(c.gap)).fill,
          color: gapColor(maxGap(c.gap)).text,
        },
        { text: '', alignment: 'center' },
        {
          text: String(score.gaps.filter((g) => g.scope.kind === 'conduit' && g.scope.id === c.id).length),
          alignment: 'center',
        },
      ];
    }),
  ];
  const table = dataTable(
    ['*', 42, 70, 70, 40, 36, 40],
    ['Name', 'Type', 'SL-T (FR1-7)', 'SL-A (FR1-7)', 'Max gap', 'Assets', 'Gap items'],
    rows,
    { fontSize: 8.5 },
  );
  out.push(keepTogether([heading, table], rows.length));
  if (score.conduits.length === 0) out.push(empty('No conduits were defined.'));
  return out;
}

import { parseArgs } from 'node:util';
import { FRS, orderedSl, type SlVector, SPES } from '../../core/domain';
import type { AssessmentScore } from '../../core/scoring/types';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

/**
 * The `score --json` document: the shape issue 4 names, keys in its order, with issue 13's additions
 * (slAchievedUpper per zone, conduit and asset, slCapability per asset, openCount beside gapCount).
 */
export function scoreJson(s: AssessmentScore) {
  return {
    assessment: s.assessment,
    zones: s.zones.map((z) => ({
      id: z.id,
      slTarget: orderedSl(z.slTarget),
      slSystem: orderedSl(z.slSystem),
      slComponents: z.slComponents && orderedSl(z.slComponents),
      slAchieved: orderedSl(z.slAchieved),
      slAchievedUpper: orderedSl(z.slAchievedUpper),
      gap: orderedSl(z.gap),
    })),
    conduits: s.conduits.map((c) => ({
      id: c.id,
      slTarget: orderedSl(c.slTarget),
      slAchieved: orderedSl(c.slAchieved),
      slAchievedUpper: orderedSl(c.slAchievedUpper),
      gap: orderedSl(c.gap),
    })),
    assets: s.assets.map((a) => ({
      id: a.id,
      zone: a.zone,
      slTarget: orderedSl(a.slTarget),
      slAchieved: orderedSl(a.slAchieved),
      slAchievedUpper: orderedSl(a.slAchievedUpper),
      slCapability: orderedSl(a.slCapability),
      gap: orderedSl(a.gap),
    })),
    organisation: {
      targetMaturity: s.organisation.targetMaturity,
      maturity: Object.fromEntries(SPES.map((spe) => [spe, s.organisation.maturity[spe]])),
    },
    gapCount: {
      zones: s.gapCount.zones,
      conduits: s.gapCount.conduits,
      assets: s.gapCount.assets,
      organisation: s.gapCount.organisation,
    },
    openCount: {
      organisation: s.openCount.organisation,
      zones: s.openCount.zones,
      conduits: s.openCount.conduits,
      assets: s.openCount.assets,
    },
  };
}

const NAME_WIDTH = 30;
const truncate = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
const cells = (xs: string[]) => xs.map((x) => x.padEnd(8)).join('');

/** SL-A/SL-T per FR, SL-A as a range `lo-hi` while questions are open, `*` where SL-A falls short. */
function slRow(name: string, achieved: SlVector, upper: SlVector, target: SlVector, extra = ''): string {
  const gaps = FRS.filter((fr) => achieved[fr] < target[fr]).length;
  const a = (fr: (typeof FRS)[number]) =>
    upper[fr] > achieved[fr] ? `${achieved[fr]}-${upper[fr]}` : String(achieved[fr]);
  const row = cells(FRS.map((fr) => `${a(fr)}/${target[fr]}${achieved[fr] < target[fr] ? '*' : ''}`));
  return `${truncate(name, NAME_WIDTH)}  ${row}${String(gaps).padEnd(6)}${extra}`.trimEnd();
}

function plainRow(name: string, v: SlVector | null): string {
  const row = v ? cells(FRS.map((fr) => String(v[fr]))) : 'no assets';
  return `${truncate(name, NAME_WIDTH)}  ${row}`.trimEnd();
}

/** The score as tables an auditor can read in a terminal. */
export function scoreTable(s: AssessmentScore, title: string, names: Map<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  const head = (label: string, extra = '') =>
    `${truncate(label, NAME_WIDTH)}  ${cells([...FRS])}${'GAPS'.padEnd(6)}${extra}`.trimEnd();
  const out: string[] = [
    `${title} (${s.assessment})`,
    'Each cell is SL-A/SL-T for one FR; * marks a gap. GAPS counts the FRs below target.',
    'While questions are open SL-A is a range, e.g. 1-3/2: 1 with every open question failing, 3 with every one passing.',
    '',
    head('ZONE'),
  ];
  for (const z of s.zones) {
    out.push(slRow(name(z.id), z.slAchieved, z.slAchievedUpper, z.slTarget));
    out.push(plainRow('  own answers (system)', z.slSystem));
    out.push(plainRow('  its assets (components)', z.slComponents));
  }
  out.push('', head('CONDUIT'));
  for (const c of s.conduits) out.push(slRow(name(c.id), c.slAchieved, c.slAchievedUpper, c.slTarget));
  out.push('', head('ASSET', 'ZONE'));
  for (const a of s.assets)
    out.push(slRow(name(a.id), a.slAchieved, a.slAchievedUpper, a.slTarget, name(a.zone)));
  const m = s.organisation.maturity;
  const mu = s.organisation.maturityUpper;
  const ml = (spe: (typeof SPES)[number]) =>
    m[spe] === null ? '-' : mu[spe] !== null && mu[spe] > m[spe] ? `${m[spe]}-${mu[spe]}` : String(m[spe]);
  out.push(
    '',
    `ORGANISATION (62443-2-1): maturity per security program element, target ML${s.organisation.targetMaturity}; - = not applicable`,
    SPES.map((spe) => spe.padEnd(7))
      .join('')
      .trimEnd(),
    SPES.map((spe) => ml(spe).padEnd(7))
      .join('')
      .trimEnd(),
    '',
  );
  const g = s.gapCount;
  const total = g.zones + g.conduits + g.assets + g.organisation;
  const o = s.openCount;
  const open = o.zones + o.conduits + o.assets + o.organisation;
  const pct = s.overall.total ? Math.round((100 * s.overall.answered) / s.overall.total) : 0;
  out.push(
    `Gap register: ${total} items (${g.zones} zone, ${g.conduits} conduit, ${g.assets} asset, ${g.organisation} organisation).`,
    `Open questions: ${open} items (${o.zones} zone, ${o.conduits} conduit, ${o.assets} asset, ${o.organisation} organisation), not gaps.`,
    `Progress: ${s.overall.answered} of ${s.overall.total} items answered (${pct}%).`,
    '',
  );
  return out.join('\n');
}

export const scoreCommand: CliCommand = {
  name: 'score',
  usage: 'score ID [--json]',
  summary: 'Print SL-A beside SL-T per zone, conduit and asset, 2-1 maturity and gap counts',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('score needs exactly one assessment ID');
    const services = ctx.services();
    const id = positionals[0];
    const score = services.score.get(id);
    if (values.json) {
      ctx.io.stdout(`${JSON.stringify(scoreJson(score), null, 2)}\n`);
      return 0;
    }
    const names = new Map<string, string>();
    for (const list of [services.zones.list(id), services.conduits.list(id), services.assets.list(id)])
      for (const x of list) names.set(x.id, x.name);
    ctx.io.stdout(scoreTable(score, services.assessments.get(id).title, names));
    return 0;
  },
};

import path from 'node:path';
import { it } from 'vitest';
import { applicableRequirements } from '../src/core/catalog/applicability';
import { browseTree, filterTree } from '../src/core/catalog/browse';
import { COMPONENT_TYPES, FRS, type SecurityLevel, type SlVector } from '../src/core/domain';
import { CatalogService } from '../src/main/services/catalogs';
import { QUICK, timeMs } from './lib';

const DIR = path.resolve('resources/catalogs');

/** A small deterministic generator, so every run times the same assets. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

it('catalogs: load and validate all three; applicability for 500 assets; browser filter', async () => {
  await timeMs(
    'catalogs: load + validate 2-1, 3-3, 4-2 (read, parse, schema, structure)',
    { n: QUICK ? 3 : 50, warmup: 2, target: 30 },
    () => {
      const s = new CatalogService(DIR);
      if (s.catalogs.length !== 3) throw new Error('expected three catalogs');
    },
  );

  const c42 = new CatalogService(DIR).byPart('4-2');
  const rnd = lcg(62443);
  const assets = Array.from({ length: 500 }, () => ({
    componentType: COMPONENT_TYPES[Math.floor(rnd() * 4)],
    slTarget: Object.fromEntries(FRS.map((fr) => [fr, Math.floor(rnd() * 5) as SecurityLevel])) as SlVector,
  }));
  await timeMs(
    'catalogs: applicability for 500 assets (mixed types and SL-T vectors)',
    { n: QUICK ? 5 : 200, warmup: 5, target: 20 },
    () => {
      let total = 0;
      for (const a of assets)
        total += applicableRequirements(
          c42,
          { kind: 'asset', componentType: a.componentType },
          a.slTarget,
        ).length;
      if (total === 0) throw new Error('nothing applied');
    },
  );

  const tree = browseTree(c42.requirements);
  const queries = ['n', 'ne', 'net', 'netw', 'network', 'network s', 'network se', 'NDR 5', 'cr 1.1', ''];
  await timeMs(
    'catalogs: browser filter of 4-2 per keystroke (query + SL + type)',
    { n: QUICK ? 10 : 500, warmup: 20, target: 4 },
    (i) => {
      filterTree(tree, { query: queries[Math.abs(i) % queries.length], sl: 2, componentType: 'NDR' });
    },
  );
});

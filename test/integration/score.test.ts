import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { FRS, SPES, uniformSl } from '../../src/core/domain';
import type { AssessmentScore } from '../../src/core/scoring/types';
import { createServices } from '../../src/main/services';
import { buildDemo } from '../../src/main/services/demo';
import { sl, smallPlant } from '../helpers/model';
import { ok, openTestWorkspace, tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('score.get', () => {
  it('scores what was answered through the handlers, reading the model in one place', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA, plc } = await smallPlant(table);
    const empty = await ok<AssessmentScore>(table['score.get']({ assessmentId: a.id }));
    expect(empty.zones.find((z) => z.id === zoneA.id)).toMatchObject({
      slAchieved: uniformSl(0),
      gap: sl(2),
    });
    // Every zone and asset item at target met: SL-A reaches SL-T.
    for (const scope of [
      { kind: 'zone' as const, id: zoneA.id },
      { kind: 'asset' as const, id: plc.id },
    ]) {
      for (const item of services.checklists.get(a.id, scope).items) {
        await ok(
          table['responses.set']({
            assessmentId: a.id,
            scope,
            requirement: item.requirement.id,
            patch: { result: 'met' },
          }),
        );
      }
    }
    const s = await ok<AssessmentScore>(table['score.get']({ assessmentId: a.id }));
    const zone = s.zones.find((z) => z.id === zoneA.id)!;
    for (const fr of FRS) expect(zone.slAchieved[fr]).toBeGreaterThanOrEqual(2);
    expect(zone.gap).toEqual(uniformSl(0));
    expect(s.assets[0]).toMatchObject({ id: plc.id, zone: zoneA.id, slTarget: sl(2), gap: uniformSl(0) });
    expect(s.zones.find((z) => z.id !== zoneA.id)!.slComponents).toBeNull();
    expect(await table['score.get']({ assessmentId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('zonewalk score', () => {
  it('prints exactly the documented --json shape', async () => {
    const dir = tempDir();
    const id = (await cli(['--data-dir', dir, 'demo'])).stdout.trim();
    // A zone without assets shows slComponents null.
    const s = createServices(dir);
    const lone = s.zones.create(id, { name: 'Spare zone', slTarget: sl(1) });
    s.ws.close();
    const r = await cli(['--data-dir', dir, 'score', id, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      'assessment',
      'zones',
      'conduits',
      'assets',
      'organisation',
      'gapCount',
      'openCount',
    ]);
    expect(doc.assessment).toBe(id);
    expect(doc.zones).toHaveLength(6);
    for (const z of doc.zones)
      expect(Object.keys(z)).toEqual([
        'id',
        'slTarget',
        'slSystem',
        'slComponents',
        'slAchieved',
        'slAchievedUpper',
        'gap',
      ]);
    for (const c of doc.conduits)
      expect(Object.keys(c)).toEqual(['id', 'slTarget', 'slAchieved', 'slAchievedUpper', 'gap']);
    for (const a of doc.assets)
      expect(Object.keys(a)).toEqual([
        'id',
        'zone',
        'slTarget',
        'slAchieved',
        'slAchievedUpper',
        'slCapability',
        'gap',
      ]);
    expect(Object.keys(doc.zones[0].slTarget)).toEqual([...FRS]);
    expect(doc.zones.find((z: { id: string }) => z.id === lone.id).slComponents).toBeNull();
    expect(Object.keys(doc.organisation)).toEqual(['targetMaturity', 'maturity']);
    expect(Object.keys(doc.organisation.maturity)).toEqual([...SPES]);
    expect(Object.keys(doc.gapCount)).toEqual(['zones', 'conduits', 'assets', 'organisation']);
    expect(Object.keys(doc.openCount)).toEqual(['organisation', 'zones', 'conduits', 'assets']);
    // the demo is partly answered: SL-A is a range somewhere, and open questions are counted apart
    expect(doc.openCount.zones + doc.openCount.assets).toBeGreaterThan(0);
    expect(
      doc.zones.some((z: { slAchieved: Record<string, number>; slAchievedUpper: Record<string, number> }) =>
        FRS.some((fr) => z.slAchievedUpper[fr] > z.slAchieved[fr]),
      ),
    ).toBe(true);
    expect(doc.conduits).toHaveLength(3);
    expect(doc.assets.length).toBeGreaterThan(20);
    // A plausible picture: some FRs reach their target, some do not.
    const cells = doc.zones.flatMap((z: { gap: Record<string, number> }) => Object.values(z.gap));
    expect(cells.some((g: number) => g === 0)).toBe(true);
    expect(cells.some((g: number) => g > 0)).toBe(true);
    expect(doc.gapCount.assets).toBeGreaterThan(0);
  });

  it('prints a readable table by default', async () => {
    const dir = tempDir();
    const id = (await cli(['--data-dir', dir, 'demo'])).stdout.trim();
    const r = await cli(['--data-dir', dir, 'score', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Riverside Water Treatment Works 2026 \(/);
    expect(r.stdout).toMatch(/^ZONE +FR1 +FR2 +FR3 +FR4 +FR5 +FR6 +FR7 +GAPS$/m);
    expect(r.stdout).toMatch(/^Enterprise +\d\/1/m);
    expect(r.stdout).toMatch(/^ {2}own answers \(system\)/m);
    expect(r.stdout).toMatch(/^ORG +CM +NET +COMP +DATA +USER +EVENT +AVAIL$/m);
    expect(r.stdout).toMatch(/^Gap register: \d+ items/m);
    expect(r.stdout).toMatch(/^Open questions: \d+ items .*, not gaps\.$/m);
    // SL-A shown as a range while questions are open, e.g. 0-2/3*
    expect(r.stdout).toMatch(/ \d-\d\/\d/);
    const bad = await cli(['--data-dir', dir, 'score', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^zonewalk: No assessment with id nope/);
    expect((await cli(['--data-dir', dir, 'score'])).code).toBe(2);
  });

  it('demo then score --json as the built program', () => {
    const bin = path.resolve('out/main/zonewalk.js');
    const dir = tempDir();
    const run = (args: string[]) =>
      execFileSync(process.execPath, [bin, '--data-dir', dir, ...args], { encoding: 'utf8' });
    const id = run(['demo']).trim();
    const doc = JSON.parse(run(['score', id, '--json']));
    expect(doc.assessment).toBe(id);
    expect(doc.zones).toHaveLength(5);
  });
});

describe('demo through the services', () => {
  it('scores without error and leaves the audit chain intact', () => {
    const { services } = openTestWorkspace();
    const a = buildDemo(services);
    const s = services.score.get(a.id);
    expect(s.overall.answered).toBeLessThan(s.overall.total);
    expect(s.gaps.length).toBeGreaterThan(0);
    expect(services.ws.trail.verify(a.id).ok).toBe(true);
  });
});

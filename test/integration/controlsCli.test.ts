import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { createServices } from '../../src/main/services';
import { sl } from '../helpers/model';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('zonewalk answer and control: N/A justifications and compensating controls headless', () => {
  it('answers, refuses an N/A without a reason, adds a control that counts for SL-A, and writes the trail', async () => {
    const dir = tempDir();
    const s = createServices(dir);
    const a = s.assessments.create({ title: 'Plant' });
    const z = s.zones.create(a.id, { name: 'Control', slTarget: sl(1) });
    const c = s.zones.create(a.id, { name: 'SCADA', slTarget: sl(1) });
    const conduit = s.conduits.create(a.id, { name: 'SCADA-Control', zones: [c.id, z.id] });
    const plc = s.assets.create(a.id, { name: 'PLC', zone: z.id, componentType: 'EDR' });
    s.ws.close();
    const d = ['--data-dir', dir];

    const na = await cli([...d, 'answer', a.id, `asset:${plc.id}:CR 1.1`, 'not-applicable']);
    expect(na.code).toBe(1);
    expect(na.stderr).toMatch(/A not-applicable answer needs a justification/);
    const ok = await cli([
      ...d,
      'answer',
      a.id,
      `asset:${plc.id}:CR 1.1`,
      'not-applicable',
      '--justification',
      'No user accounts on this device',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      result: 'not-applicable',
      justification: 'No user accounts on this device',
    });

    expect((await cli([...d, 'answer', a.id, `asset:${plc.id}:CR 2.1`, 'not-met'])).code).toBe(0);
    expect((await cli([...d, 'answer', a.id, `conduit:${conduit.id}:SR 5.1`, 'met'])).code).toBe(0);
    const added = await cli([
      ...d,
      'control',
      'add',
      a.id,
      '--covers',
      `asset:${plc.id}:CR 2.1`,
      '--kind',
      'filtering',
      '--description',
      'Write access only from the engineering station, enforced on the conduit firewall',
      '--implemented-by',
      `conduit:${conduit.id}:SR 5.1`,
      '--review-due',
      '2099-01-01',
    ]);
    expect(added).toMatchObject({ code: 0, stdout: 'CC-1\n' });
    const list = await cli([...d, 'control', 'list', a.id, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: 'CC-1', kind: 'filtering' })]);

    const s2 = createServices(dir);
    const score = s2.score.get(a.id);
    expect(score.controls).toEqual([expect.objectContaining({ id: 'CC-1', state: 'working' })]);
    expect(score.gaps.some((g) => g.requirement === 'CR 2.1')).toBe(false);
    const actions = s2.ws.trail.list(a.id).map((e) => e.action);
    expect(actions).toContain('control.created');
    // the control breaks when what implements it is no longer met
    s2.responses.set(a.id, { kind: 'conduit', id: conduit.id }, 'SR 5.1', { result: 'not-met' });
    const broken = s2.score.get(a.id);
    expect(broken.controls[0].state).toBe('broken');
    expect(broken.gaps.find((g) => g.requirement === 'CR 2.1')?.controls).toEqual([
      expect.objectContaining({ id: 'CC-1', state: 'broken' }),
    ]);
    s2.ws.close();

    const bad = await cli([
      ...d,
      'control',
      'add',
      a.id,
      '--covers',
      `asset:${plc.id}:NDR 1.6`,
      '--kind',
      'other',
      '--description',
      'x',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/NDR 1\.6/);
  });
});

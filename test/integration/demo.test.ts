import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/main/services/demo';
import { openTestWorkspace } from '../helpers/workspace';

describe('demo assessment', () => {
  it('builds a water treatment plant: 5 zones, 3 conduits, about 25 assets, partly answered, findings', () => {
    const { services } = openTestWorkspace();
    const a = buildDemo(services);
    const model = services.interchange.exportDocument(a.id);
    expect(model.zones.map((z) => z.name).sort()).toEqual(
      ['Chemical dosing / Safety', 'Enterprise', 'Filtration control', 'Plant DMZ', 'SCADA / HMI'].sort(),
    );
    expect(model.conduits).toHaveLength(3);
    expect(model.conduits.every((c) => c.protocols.length > 0)).toBe(true);
    expect(model.assets.length).toBeGreaterThanOrEqual(24);
    expect(model.assets.length).toBeLessThanOrEqual(30);
    expect(new Set(model.assets.map((x) => x.componentType))).toEqual(new Set(['SAR', 'EDR', 'HDR', 'NDR']));
    expect(model.assets.some((x) => x.legacy)).toBe(true);
    expect(model.findings.length).toBeGreaterThanOrEqual(4);

    const results = new Set(model.responses.map((r) => r.result));
    for (const r of ['met', 'partially-met', 'not-met', 'not-applicable']) expect(results).toContain(r);
    expect(
      model.responses.filter((r) => r.result === 'not-applicable').every((r) => r.justification !== ''),
    ).toBe(true);
    expect(model.responses.some((r) => r.comment !== '')).toBe(true);
    const org = model.responses.filter((r) => r.scope.kind === 'organisation');
    expect(org.length).toBeGreaterThan(20);
    expect(org.length).toBeLessThan(87);
    expect(org.some((r) => r.maturity === null && r.result === 'not-applicable')).toBe(true);

    // Partly answered: some checklist is not complete.
    const zone = model.zones.find((z) => z.name === 'Chemical dosing / Safety')!;
    const list = services.checklists.get(a.id, { kind: 'zone', id: zone.id });
    expect(list.progress.answered).toBeGreaterThan(0);
    expect(list.progress.answered).toBeLessThan(list.progress.total);
    expect(services.ws.trail.verify(a.id).ok).toBe(true);
  });

  it('is reproducible for a seed', () => {
    const one = openTestWorkspace().services;
    const two = openTestWorkspace().services;
    const a = one.interchange.exportDocument(buildDemo(one, { seed: 7 }).id);
    const b = two.interchange.exportDocument(buildDemo(two, { seed: 7 }).id);
    const shape = (d: typeof a) => d.responses.map((r) => `${r.requirement} ${r.result} ${r.comment}`);
    expect(shape(a)).toEqual(shape(b));
  });
});

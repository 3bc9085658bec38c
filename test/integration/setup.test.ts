import { describe, expect, it } from 'vitest';
import { responseKey } from '../../src/core/domain';
import type { Asset, Conduit, Finding, Zone } from '../../src/core/model';
import { id as idSchema } from '../../src/shared/contract/fields';
import type { ScopedDeletion, ZoneDeletion } from '../../src/shared/contract/model';
import { conduitBetween, sl, smallPlant } from '../helpers/model';
import { ok, openTestWorkspace } from '../helpers/workspace';

describe('zones, conduits and assets through the handler table', () => {
  it('creates zones with readable unique ids and an audit event each', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA, zoneB } = await smallPlant(table);
    expect(zoneA.id).toMatch(/^zone-a-[0-9a-z]{4}$/);
    expect(idSchema.safeParse(zoneA.id).success).toBe(true);
    const twin = await ok<Zone>(
      table['zones.create']({ assessmentId: a.id, name: 'Zone A', slTarget: sl(1) }),
    );
    expect(twin.id).not.toBe(zoneA.id);
    const odd = await ok<Zone>(
      table['zones.create']({ assessmentId: a.id, name: '区域 ☃', slTarget: sl(1) }),
    );
    expect(idSchema.safeParse(odd.id).success).toBe(true);
    const list = await ok<Zone[]>(table['zones.list']({ assessmentId: a.id }));
    expect(list.map((z) => z.name)).toEqual(['Zone A', 'Zone B', 'Zone A', '区域 ☃']);
    expect(list[1]).toEqual(zoneB);
    const created = services.ws.trail.list(a.id).filter((e) => e.action === 'zone.created');
    expect(created[0]).toMatchObject({ entity: 'zone', entityId: zoneA.id, data: { name: 'Zone A' } });
  });

  it('updates a zone and records from -> to; a no-op writes nothing', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const updated = await ok<Zone>(
      table['zones.update']({
        assessmentId: a.id,
        id: zoneA.id,
        patch: { name: 'Zone A1', slTarget: sl(3) },
      }),
    );
    expect(updated).toMatchObject({ name: 'Zone A1', slTarget: sl(3) });
    const before = services.ws.trail.list(a.id).length;
    await ok(table['zones.update']({ assessmentId: a.id, id: zoneA.id, patch: { name: 'Zone A1' } }));
    expect(services.ws.trail.list(a.id)).toHaveLength(before);
    const ev = services.ws.trail.list(a.id).at(-1)!;
    expect(ev.action).toBe('zone.updated');
    expect(ev.data).toEqual({
      name: { from: 'Zone A', to: 'Zone A1' },
      slTarget: { from: sl(2), to: sl(3) },
    });
  });

  it('refuses SL values outside 0-4, empty names and unknown ids', async () => {
    const { table } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const bad = await table['zones.create']({
      assessmentId: a.id,
      name: 'X',
      slTarget: { ...sl(2), FR3: 5 },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const empty = await table['zones.create']({ assessmentId: a.id, name: '  ', slTarget: sl(2) });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const missing = await table['zones.update']({ assessmentId: a.id, id: 'nope', patch: { name: 'x' } });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/zone/) },
    });
    const noAssessment = await table['zones.list']({ assessmentId: 'nope' });
    expect(noAssessment).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await table['zones.create']({ assessmentId: 'nope', name: 'X', slTarget: sl(1) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(zoneA).toBeTruthy();
  });

  it('gives a conduit the higher SL-T of its zones per FR unless one is given', async () => {
    const { table } = openTestWorkspace();
    const { a, zoneA, zoneB } = await smallPlant(table);
    const c = await conduitBetween(table, a.id, [zoneA.id, zoneB.id]);
    expect(c.slTarget).toEqual(sl(2, 3, 2, 2, 2, 2, 2));
    expect(c.protocols).toEqual(['Modbus/TCP']);
    const own = await ok<Conduit>(
      table['conduits.create']({
        assessmentId: a.id,
        name: 'X',
        zones: [zoneA.id, zoneB.id],
        slTarget: sl(4),
      }),
    );
    expect(own.slTarget).toEqual(sl(4));
    expect(await ok<Conduit[]>(table['conduits.list']({ assessmentId: a.id }))).toHaveLength(2);
  });

  it('refuses a conduit joining a zone to itself or to a missing zone', async () => {
    const { table } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const self = await table['conduits.create']({
      assessmentId: a.id,
      name: 'X',
      zones: [zoneA.id, zoneA.id],
    });
    expect(self).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/two different zones/) },
    });
    const ghost = await table['conduits.create']({
      assessmentId: a.id,
      name: 'X',
      zones: [zoneA.id, 'ghost'],
    });
    expect(ghost).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/ghost/) },
    });
  });

  it('updates and deletes a conduit with its answers', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA, zoneB } = await smallPlant(table);
    const c = await conduitBetween(table, a.id, [zoneA.id, zoneB.id]);
    const u = await ok<Conduit>(
      table['conduits.update']({
        assessmentId: a.id,
        id: c.id,
        patch: { protocols: ['OPC UA', ' '], zones: [zoneB.id, zoneA.id] },
      }),
    );
    expect(u.protocols).toEqual(['OPC UA']);
    expect(u.zones).toEqual([zoneB.id, zoneA.id]);
    const same = await table['conduits.update']({
      assessmentId: a.id,
      id: c.id,
      patch: { zones: [zoneB.id, zoneB.id] },
    });
    expect(same.ok).toBe(false);
    const scope = { kind: 'conduit' as const, id: c.id };
    await ok(
      table['responses.set']({ assessmentId: a.id, scope, requirement: 'SR 5.1', patch: { result: 'met' } }),
    );
    const d = await ok<ScopedDeletion>(table['conduits.delete']({ assessmentId: a.id, id: c.id }));
    expect(d).toEqual({ deleted: c.id, detachedFindings: [] });
    expect(services.ws.db.prepare('SELECT COUNT(*) AS n FROM response').get()).toEqual({ n: 0 });
  });

  it('creates, updates and deletes assets; the zone must exist', async () => {
    const { table } = openTestWorkspace();
    const { a, zoneA, zoneB, plc } = await smallPlant(table);
    expect(plc).toMatchObject({
      name: 'PLC 1',
      zone: zoneA.id,
      componentType: 'EDR',
      vendor: '',
      legacy: false,
    });
    const noZone = await table['assets.create']({
      assessmentId: a.id,
      name: 'X',
      zone: 'ghost',
      componentType: 'HDR',
    });
    expect(noZone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const badType = await table['assets.create']({
      assessmentId: a.id,
      name: 'X',
      zone: zoneA.id,
      componentType: 'PLC',
    });
    expect(badType).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const moved = await ok<Asset>(
      table['assets.update']({
        assessmentId: a.id,
        id: plc.id,
        patch: { zone: zoneB.id, firmware: 'V2.9', legacy: true },
      }),
    );
    expect(moved).toMatchObject({ zone: zoneB.id, firmware: 'V2.9', legacy: true });
    const ghostZone = await table['assets.update']({
      assessmentId: a.id,
      id: plc.id,
      patch: { zone: 'ghost' },
    });
    expect(ghostZone.ok).toBe(false);
    expect(await ok<Asset[]>(table['assets.list']({ assessmentId: a.id }))).toEqual([moved]);
    await ok(table['assets.delete']({ assessmentId: a.id, id: plc.id }));
    expect(await ok<Asset[]>(table['assets.list']({ assessmentId: a.id }))).toEqual([]);
  });

  it('drops answers the new component type does not have, and says so in the audit event', async () => {
    const { table, services } = openTestWorkspace();
    const { a, plc } = await smallPlant(table);
    const scope = { kind: 'asset' as const, id: plc.id };
    await ok(
      table['responses.set']({ assessmentId: a.id, scope, requirement: 'CR 1.1', patch: { result: 'met' } }),
    );
    await ok(
      table['responses.set']({
        assessmentId: a.id,
        scope,
        requirement: 'EDR 2.4',
        patch: { result: 'not-met' },
      }),
    );
    await ok(
      table['findings.create']({
        assessmentId: a.id,
        title: 'Mobile code',
        severity: 'low',
        scope,
        requirement: 'EDR 2.4',
      }),
    );
    await ok(table['assets.update']({ assessmentId: a.id, id: plc.id, patch: { componentType: 'HDR' } }));
    // The finding keeps its requirement, and the export still imports.
    expect(() => services.interchange.parse(services.interchange.exportJson(a.id))).not.toThrow();
    const left = services.ws.db.prepare('SELECT requirement FROM response').pluck().all();
    expect(left).toEqual(['CR 1.1']);
    expect(services.ws.trail.list(a.id).at(-1)!.data).toEqual({
      componentType: { from: 'EDR', to: 'HDR' },
      removedResponses: ['EDR 2.4'],
    });
  });
});

describe('zones.delete', () => {
  async function plantWithEverything() {
    const ws = openTestWorkspace();
    const { table, services } = ws;
    const { a, zoneA, zoneB, plc } = await smallPlant(table);
    const c = await conduitBetween(table, a.id, [zoneA.id, zoneB.id]);
    const zoneScope = { kind: 'zone' as const, id: zoneA.id };
    await ok(
      table['responses.set']({
        assessmentId: a.id,
        scope: zoneScope,
        requirement: 'SR 1.1',
        patch: { result: 'met' },
      }),
    );
    await ok(
      table['responses.set']({
        assessmentId: a.id,
        scope: { kind: 'asset', id: plc.id },
        requirement: 'CR 1.1',
        patch: { result: 'met' },
      }),
    );
    await ok(
      table['responses.set']({
        assessmentId: a.id,
        scope: { kind: 'conduit', id: c.id },
        requirement: 'SR 5.1',
        patch: { result: 'not-met' },
      }),
    );
    const finding = await ok<Finding>(
      table['findings.create']({
        assessmentId: a.id,
        title: 'Flat network',
        severity: 'high',
        scope: zoneScope,
        requirement: 'SR 1.1',
      }),
    );
    // Evidence linked to the zone answer, written as the evidence area does.
    const db = services.ws.db;
    db.prepare(
      `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, captured_at, captured_by, added_at)
       VALUES (?, ?, 'a.jpg', 'image/jpeg', 1, '2026-11-26T08:00:00Z', 'me', '2026-11-26T08:00:00Z')`,
    ).run(a.id, 'a'.repeat(64));
    db.prepare(
      `INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, 'response', ?, 't')`,
    ).run(a.id, 'a'.repeat(64), responseKey(zoneScope, 'SR 1.1'));
    return { ...ws, a, zoneA, zoneB, plc, c, finding };
  }

  it('asks what to do with the assets of a zone that has some', async () => {
    const { table, a, zoneA } = await plantWithEverything();
    const r = await table['zones.delete']({ assessmentId: a.id, id: zoneA.id });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Zone "Zone A" has 1 asset. Choose whether to move it to another zone or delete it with the zone.',
        details: { assets: 1 },
      },
    });
    expect(await ok<Zone[]>(table['zones.list']({ assessmentId: a.id }))).toHaveLength(2);
  });

  it('moves the assets, deletes the conduits, answers, links; detaches findings; one event per item', async () => {
    const { table, services, a, zoneA, zoneB, plc, c, finding } = await plantWithEverything();
    const seqBefore = services.ws.trail.list(a.id).length;
    const r = await ok<ZoneDeletion>(
      table['zones.delete']({ assessmentId: a.id, id: zoneA.id, assets: { moveTo: zoneB.id } }),
    );
    expect(r).toEqual({
      deleted: zoneA.id,
      movedAssets: [plc.id],
      deletedAssets: [],
      deletedConduits: [c.id],
      detachedFindings: [finding.id],
    });
    const db = services.ws.db;
    expect(db.prepare('SELECT scope_kind || scope_id AS s FROM response').pluck().all()).toEqual([
      `asset${plc.id}`,
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM evidence_link').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM evidence').pluck().get()).toBe(1);
    expect(db.prepare('SELECT zone_id FROM asset').pluck().all()).toEqual([zoneB.id]);
    const f = await ok<Finding[]>(table['findings.list']({ assessmentId: a.id }));
    expect(f[0]).toMatchObject({ scope: null, requirement: 'SR 1.1' });
    const events = services.ws.trail.list(a.id).slice(seqBefore);
    expect(events.map((e) => e.action)).toEqual(['conduit.deleted', 'asset.moved', 'zone.deleted']);
    expect(events[1].data).toEqual({ zone: { from: zoneA.id, to: zoneB.id } });
    expect(events[2].data).toMatchObject({
      deletedConduits: [c.id],
      movedAssets: [plc.id],
      removedResponses: 1,
    });
    expect(services.ws.trail.verify(a.id).ok).toBe(true);
    // Export still validates: nothing dangles.
    expect(() => services.interchange.parse(services.interchange.exportJson(a.id))).not.toThrow();
  });

  it('deletes the assets with the zone when asked', async () => {
    const { table, services, a, zoneA, plc } = await plantWithEverything();
    const r = await ok<ZoneDeletion>(
      table['zones.delete']({ assessmentId: a.id, id: zoneA.id, assets: 'delete' }),
    );
    expect(r.deletedAssets).toEqual([plc.id]);
    expect(services.ws.db.prepare('SELECT COUNT(*) FROM response').pluck().get()).toBe(0);
    expect(services.ws.db.prepare('SELECT COUNT(*) FROM asset').pluck().get()).toBe(0);
    expect(() => services.interchange.parse(services.interchange.exportJson(a.id))).not.toThrow();
  });

  it('refuses to move assets into the zone being deleted or a missing one, changing nothing', async () => {
    const { table, services, a, zoneA } = await plantWithEverything();
    const events = services.ws.trail.list(a.id).length;
    expect(
      await table['zones.delete']({ assessmentId: a.id, id: zoneA.id, assets: { moveTo: zoneA.id } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await table['zones.delete']({ assessmentId: a.id, id: zoneA.id, assets: { moveTo: 'ghost' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(services.ws.trail.list(a.id)).toHaveLength(events);
    expect(services.ws.db.prepare('SELECT COUNT(*) FROM conduit').pluck().get()).toBe(1);
  });

  it('rolls everything back when a step fails half-way', async () => {
    const { table, services, a, zoneA } = await plantWithEverything();
    const db = services.ws.db;
    const counts = () =>
      db
        .prepare(
          'SELECT (SELECT COUNT(*) FROM zone) || (SELECT COUNT(*) FROM conduit) || (SELECT COUNT(*) FROM asset) || (SELECT COUNT(*) FROM response) || (SELECT COUNT(*) FROM audit_event)',
        )
        .pluck()
        .get();
    const before = counts();
    db.exec(`CREATE TRIGGER boom BEFORE DELETE ON zone BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const r = await table['zones.delete']({ assessmentId: a.id, id: zoneA.id, assets: 'delete' });
    expect(r.ok).toBe(false);
    expect(counts()).toBe(before);
  });

  it('deletes an empty zone without asking', async () => {
    const { table } = openTestWorkspace();
    const { a, zoneB } = await smallPlant(table);
    expect(await ok<ZoneDeletion>(table['zones.delete']({ assessmentId: a.id, id: zoneB.id }))).toMatchObject(
      {
        deleted: zoneB.id,
        movedAssets: [],
        deletedAssets: [],
      },
    );
  });
});

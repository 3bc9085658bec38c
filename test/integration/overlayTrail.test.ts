import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { uniformSl } from '../../src/core/domain';
import { verifyPackage } from '../../src/main/services/package/verify';
import { asFile, overlayDoc, textEntries } from '../helpers/catalogs';
import { exporterFor, PASS } from '../helpers/twoAuditors';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

const ID33 = 'iec-62443-3-3:2013';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('catalog overlay changes are on record', () => {
  it("an import and a removal appear in every assessment's trail, and the package names the overlay", async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'Waterworks' });
    const b = services.assessments.create({ title: 'Pump station' });
    services.zones.create(a.id, { name: 'Intake', slTarget: uniformSl(2) });
    const file = asFile(overlayDoc(ID33, textEntries('3-3'), { version: 'v1' }));
    services.catalogs.importOverlay(file.bytes, 'official-3-3.json');

    for (const id of [a.id, b.id]) {
      const last = services.ws.trail.list(id).at(-1)!;
      expect(last).toMatchObject({
        action: 'catalog-overlay.imported',
        entity: 'catalog',
        entityId: ID33,
        data: { catalog: ID33, version: 'v1', fileName: 'official-3-3.json', sha256: sha(file.bytes) },
      });
      expect(services.ws.trail.verify(id)).toMatchObject({ ok: true });
    }

    services.signing.create('Ana', PASS);
    const exported = await exporterFor(services).exportNow({
      assessmentId: a.id,
      outputs: { package: true, gapRegister: false, report: false },
      redaction: 'none',
      keyName: 'Ana',
      passphrase: PASS,
      outDir: tempDir(),
    });
    const report = await verifyPackage(exported.files[0].path, {
      trustOf: () => ({ trusted: true, name: 'Ana', source: 'own-key' }),
    });
    expect(report.verdict).toBe('valid-trusted');
    expect(report.bagInfo['Zonewalk-Catalog-Overlay']).toBe(`${ID33} sha256:${sha(file.bytes)}`);

    services.catalogs.removeOverlay(ID33);
    expect(services.ws.trail.list(b.id).at(-1)).toMatchObject({
      action: 'catalog-overlay.removed',
      data: { sha256: sha(file.bytes) },
    });
  });

  it('hash-chains the overlay history: an event changed or removed in the file is named', async () => {
    const { services, dir } = openTestWorkspace();
    const v1 = asFile(overlayDoc(ID33, textEntries('3-3'), { version: 'v1' }));
    const v2 = asFile(
      overlayDoc(
        ID33,
        textEntries('3-3', (id) => id === 'SR 7.8'),
        { version: 'v2' },
      ),
    );
    services.catalogs.importOverlay(v1.bytes, 'v1.json');
    services.catalogs.importOverlay(v2.bytes, 'v2.json');
    services.catalogs.removeOverlay(ID33);
    expect(services.catalogs.verifyHistory()).toMatchObject({ ok: true, count: 3 });

    // Whoever can drop the append-only triggers can edit the file; the chain still tells.
    const db = services.ws.db;
    db.exec('DROP TRIGGER catalog_overlay_event_no_update; DROP TRIGGER catalog_overlay_event_no_delete;');
    db.prepare("UPDATE catalog_overlay_event SET actor = 'mallory' WHERE seq = 2").run();
    expect(services.catalogs.verifyHistory()).toMatchObject({ ok: false, brokenAt: 2 });
    const a = services.assessments.create({ title: 'Any' });
    let out = '';
    await runCli(['--data-dir', dir, 'trail', 'verify', a.id], {
      env: {},
      stdout: (s) => (out += s),
      stderr: () => {},
    });
    expect(out).toBe(
      'BROKEN catalog overlay history at event 2: overlay event 2 was changed after it was recorded\n',
    );
    db.prepare(
      'UPDATE catalog_overlay_event SET actor = (SELECT actor FROM catalog_overlay_event WHERE seq = 1) WHERE seq = 2',
    ).run();
    expect(services.catalogs.verifyHistory()).toMatchObject({ ok: true });
    db.prepare('DELETE FROM catalog_overlay_event WHERE seq = 2').run();
    expect(services.catalogs.verifyHistory()).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

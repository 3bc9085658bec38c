import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../src/core/catalog/applicability';
import { uniformSl } from '../../src/core/domain';
import { DB_FILE_NAME, openDatabase } from '../../src/main/db/openDatabase';
import { createServices } from '../../src/main/services';
import { MAX_OVERLAY_BYTES } from '../../src/shared/catalogOverlay';
import type {
  CatalogSummary,
  CatalogView,
  OverlayImportResult,
  OverlayInfo,
} from '../../src/shared/contract/catalogs';
import type { AppErrorShape } from '../../src/shared/errors';
import { asFile, overlayDoc, textEntries } from '../helpers/catalogs';
import { workspaceAtSchema } from '../helpers/oldSchema';
import { ok, openTestWorkspace, tempDir } from '../helpers/workspace';

const ID33 = 'iec-62443-3-3:2013';
const ID42 = 'iec-62443-4-2:2019';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refused(p: Promise<{ ok: boolean; error?: unknown }>): Promise<AppErrorShape> {
  const r = await p;
  if (r.ok) throw new Error('expected the import to be refused');
  return r.error as AppErrorShape;
}

/** The overlay rows and events, to prove a refusal wrote nothing. */
function dbState(services: ReturnType<typeof openTestWorkspace>['services']) {
  return {
    overlays: services.ws.db
      .prepare('SELECT catalog_id, sha256 FROM catalog_overlay ORDER BY catalog_id')
      .all(),
    events: services.ws.db.prepare('SELECT COUNT(*) FROM catalog_overlay_event').pluck().get(),
  };
}

describe('licensed catalog overlay', () => {
  it('imports official text and a level correction, records who, when and the file hash', async () => {
    const { table, services } = openTestWorkspace();
    services.ws.setSetting('auditor.name', 'Ana Kovač');
    const { file, bytes } = asFile(
      overlayDoc(ID33, [
        ...textEntries('3-3', (id) => id.startsWith('SR 1.')),
        { id: 'SR 4.1 RE 2', sl: [3, 4] },
      ]),
      'isa-3-3-licensed.json',
    );
    const result = await ok<OverlayImportResult>(table['catalogs.importOverlay']({ file }));
    const texts = textEntries('3-3', (id) => id.startsWith('SR 1.')).length;
    expect(result).toMatchObject({ catalogId: ID33, applied: texts + 1, replaced: null });
    expect(result.overlay).toMatchObject({
      name: 'Test licence pack',
      version: '2026.1',
      fileName: 'isa-3-3-licensed.json',
      sha256: sha(bytes),
      entries: texts + 1,
      texts,
      corrections: 1,
      importedBy: 'Ana Kovač',
    });
    expect(Date.now() - Date.parse(result.overlay.importedAt)).toBeLessThan(60_000);

    const list = await ok<CatalogSummary[]>(table['catalogs.list']({}));
    expect(list.map((c) => [c.id, c.overlay?.sha256 ?? null])).toEqual([
      ['iec-62443-2-1:2024', null],
      [ID33, sha(bytes)],
      [ID42, null],
    ]);
    expect(list.map((c) => [c.requirements, c.checklistItems])).toEqual([
      [103, 87],
      [100, 100],
      [137, 122],
    ]);

    const view = await ok<CatalogView>(table['catalogs.get']({ catalogId: ID33 }));
    const byId = new Map(view.requirements.map((r) => [r.id, r]));
    expect(byId.get('SR 1.1')?.licensedText).toBe('Licensed wording of SR 1.1 (test stand-in).');
    expect(byId.get('SR 1.1')?.guidance).toMatch(/^Walk every interface/); // our guidance stays beside it
    expect(byId.get('SR 2.1')?.licensedText).toBeUndefined();
    expect(byId.get('SR 4.1 RE 2')).toMatchObject({ sl: [3, 4], shippedSl: [4] });
    expect(byId.get('SR 4.1')?.shippedSl).toBeUndefined();

    // Checklists and scores read the corrected levels through the same service.
    const effective = services.catalogs.byPart('3-3');
    expect(applicableRequirements(effective, { kind: 'zone' }, uniformSl(3)).map((r) => r.id)).toContain(
      'SR 4.1 RE 2',
    );
    expect(
      services.catalogs.shipped.byPart('3-3').requirements.find((r) => r.id === 'SR 4.1 RE 2')?.sl,
    ).toEqual([4]);
    expect(services.catalogs.licensedText(ID33, 'SR 1.13 RE 1')).toBe(
      'Licensed wording of SR 1.13 RE 1 (test stand-in).',
    );
    expect(services.catalogs.licensedText(ID42, 'CR 1.1')).toBeUndefined();
    expect(services.catalogs.catalogVersions()).toEqual([
      { catalogId: 'iec-62443-2-1:2024', edition: 'Edition 2.0 (2024)', overlay: null },
      {
        catalogId: ID33,
        edition: 'Edition 1.0 (2013) + COR1:2014',
        overlay: {
          name: 'Test licence pack',
          version: '2026.1',
          importedAt: result.overlay.importedAt,
          sha256: sha(bytes),
        },
      },
      { catalogId: ID42, edition: 'Edition 1.0 (2019)', overlay: null },
    ]);
  });

  it('keeps the overlay in the workspace: a reopened workspace and another connection see it', async () => {
    const dir = tempDir();
    const a = createServices(dir);
    const b = createServices(dir); // e.g. the CLI, while the app is open
    expect(b.catalogs.overlay(ID42)).toBeNull();
    a.catalogs.importOverlay(asFile(overlayDoc(ID42, textEntries('4-2'))).bytes, 'cr.json');
    expect(b.catalogs.overlay(ID42)?.entries).toBe(137);
    expect(b.catalogs.licensedText(ID42, 'NDR 5.2 RE 1')).toMatch(/NDR 5\.2 RE 1/);
    b.catalogs.removeOverlay(ID42);
    expect(a.catalogs.overlay(ID42)).toBeNull();
    a.ws.close();
    b.ws.close();
    const c = createServices(dir);
    expect(c.catalogs.overlay(ID42)).toBeNull();
    expect(c.catalogs.history().map((e) => e.action)).toEqual(['imported', 'removed']);
    c.ws.close();
  });

  it('replaces the active overlay of a catalog and removes it, each step on record', async () => {
    const { table, services } = openTestWorkspace();
    const first = asFile(overlayDoc(ID33, textEntries('3-3'), { version: 'v1' }));
    const second = asFile(
      overlayDoc(
        ID33,
        textEntries('3-3', (id) => id === 'SR 7.8'),
        { version: 'v2' },
      ),
    );
    const r1 = await ok<OverlayImportResult>(table['catalogs.importOverlay']({ file: first.file }));
    const r2 = await ok<OverlayImportResult>(table['catalogs.importOverlay']({ file: second.file }));
    expect(r2.replaced).toEqual(r1.overlay);
    expect(services.catalogs.licensedText(ID33, 'SR 1.1')).toBeUndefined();
    expect(services.catalogs.licensedText(ID33, 'SR 7.8')).toMatch(/SR 7\.8/);
    const removed = await ok<{ removed: OverlayInfo }>(table['catalogs.removeOverlay']({ catalogId: ID33 }));
    expect(removed.removed.version).toBe('v2');
    expect(services.catalogs.overlay(ID33)).toBeNull();
    expect(services.catalogs.history().map((e) => [e.action, e.version, e.sha256])).toEqual([
      ['imported', 'v1', sha(first.bytes)],
      ['replaced', 'v2', sha(second.bytes)],
      ['removed', 'v2', sha(second.bytes)],
    ]);
    const again = await refused(table['catalogs.removeOverlay']({ catalogId: ID33 }));
    expect(again).toEqual({ code: 'not-found', message: 'No licensed overlay is loaded for IEC 62443-3-3.' });
    const unknown = await refused(table['catalogs.removeOverlay']({ catalogId: 'iec-62443-3-3:2099' }));
    expect(unknown.code).toBe('not-found');
  });

  it('keeps the overlay history append-only', () => {
    const { services } = openTestWorkspace();
    services.catalogs.importOverlay(asFile(overlayDoc(ID33, textEntries('3-3'))).bytes, 'o.json');
    expect(() => services.ws.db.prepare("UPDATE catalog_overlay_event SET actor = 'mallory'").run()).toThrow(
      /append-only/,
    );
    expect(() => services.ws.db.prepare('DELETE FROM catalog_overlay_event').run()).toThrow(/append-only/);
  });

  it.each([
    [
      'malformed JSON',
      () => asFile('{"format": "zonewalk.catalog-overlay/1", "entries": [', 'broken.json'),
      'invalid-file',
      /^broken\.json is not valid JSON \(.+\)\. Nothing was imported\.$/,
    ],
    [
      'a file that is not text',
      () => asFile(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0xdc]), 'photo.jpg'),
      'invalid-file',
      /^photo\.jpg is not a text file/,
    ],
    [
      'a JSON file of another kind',
      () => asFile({ name: 'package', version: '1.0.0' }, 'package.json'),
      'invalid-file',
      /^package\.json is not a valid catalog overlay at format: it is not a Zonewalk catalog overlay/,
    ],
    [
      'an unknown catalog',
      () => asFile(overlayDoc('iec-62443-4-1:2018', [{ id: 'SM-1', text: 'x' }])),
      'invalid-file',
      /^overlay\.json is for catalog iec-62443-4-1:2018, which Zonewalk does not have \(it has iec-62443-2-1:2024, iec-62443-3-3:2013, iec-62443-4-2:2019\)\. Nothing was imported\.$/,
    ],
    [
      'another edition of a known catalog',
      () => asFile(overlayDoc('iec-62443-3-3:2023', [{ id: 'SR 1.1', text: 'x' }])),
      'invalid-file',
      /is for iec-62443-3-3:2023, but Zonewalk's catalog is the edition iec-62443-3-3:2013/,
    ],
    [
      'a level of 5 deep inside',
      () =>
        asFile(
          overlayDoc(ID33, [
            { id: 'SR 1.1', text: 'x' },
            { id: 'SR 1.2', sl: [2, 3, 4, 5] },
          ]),
        ),
      'invalid-file',
      /at entries\[1\]\.sl\[3\]: Too big/,
    ],
    [
      'an entry with neither text nor levels',
      () => asFile(overlayDoc(ID33, [{ id: 'SR 1.1' }])),
      'invalid-file',
      /at entries\[0\]: an entry needs the official text, a level correction \(sl\) or both/,
    ],
    [
      'a level correction that breaks the cumulative rule',
      () =>
        asFile(
          overlayDoc(ID33, [
            { id: 'SR 1.1', text: 'x' },
            { id: 'SR 3.3', sl: [1, 2, 4] },
          ]),
        ),
      'invalid-file',
      /^overlay\.json cannot be applied at entries\[1\]\.sl: with the corrected levels, SR 3\.3 levels must be cumulative and sorted \(1,2,3,4\)\. Nothing was imported\.$/,
    ],
    [
      'a level correction that leaves an enhancement below its SR',
      () => asFile(overlayDoc(ID33, [{ id: 'SR 1.1', sl: [3, 4] }])),
      'invalid-file',
      /entries\[0\]\.sl: with the corrected levels, SR 1\.1 RE 1 is required at levels its parent SR 1\.1 is not/,
    ],
  ])('refuses %s with one clear sentence and writes nothing', async (_name, make, code, message) => {
    const { table, services } = openTestWorkspace();
    await ok(table['catalogs.importOverlay']({ file: asFile(overlayDoc(ID33, textEntries('3-3'))).file }));
    const before = dbState(services);
    const { file } = make();
    const err = await refused(table['catalogs.importOverlay']({ file }));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/\n/);
    expect(dbState(services)).toEqual(before);
    expect(services.catalogs.licensedText(ID33, 'SR 1.1')).toMatch(/test stand-in/);
  });

  it('lists every unknown id back and applies none of the file', async () => {
    const { table, services } = openTestWorkspace();
    const unknown = Array.from({ length: 14 }, (_, i) => `SR 9.${i + 1}`);
    const { file } = asFile(
      overlayDoc(ID33, [
        ...textEntries('3-3'),
        ...unknown.map((id) => ({ id, text: 'x' })),
        { id: 'SR 1.1', sl: [2, 3, 4] },
      ]),
      'mixed.json',
    );
    const err = await refused(table['catalogs.importOverlay']({ file }));
    expect(err.code).toBe('invalid-file');
    expect(err.message).toBe(
      'mixed.json names 14 requirements that IEC 62443-3-3 does not have: SR 9.1, SR 9.2, SR 9.3, SR 9.4, SR 9.5, SR 9.6, SR 9.7, SR 9.8, SR 9.9, SR 9.10 and 4 more. Nothing was imported.',
    );
    expect((err.details as { unknownIds: string[] }).unknownIds).toEqual(unknown);
    expect(dbState(services)).toEqual({ overlays: [], events: 0 });
    expect(services.catalogs.licensedText(ID33, 'SR 1.1')).toBeUndefined();
  });

  it('refuses a huge file before decoding it', async () => {
    const { table, services } = openTestWorkspace();
    const base64 = 'A'.repeat(((MAX_OVERLAY_BYTES * 1.5) / 3) * 4);
    const t0 = performance.now();
    const err = await refused(table['catalogs.importOverlay']({ file: { fileName: 'dump.json', base64 } }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(err).toEqual({
      code: 'too-large',
      message: 'dump.json is 12.0 MB; a catalog overlay may be at most 8.0 MB. Nothing was imported.',
    });
    expect(dbState(services)).toEqual({ overlays: [], events: 0 });
    // Over the channel's own limit it is refused as invalid input, still without a crash.
    const huge = await refused(
      table['catalogs.importOverlay']({ file: { fileName: 'x.json', base64: 'A'.repeat(90_000_004) } }),
    );
    expect(huge.code).toBe('invalid-input');
  });

  it('refuses bytes that are not base64', async () => {
    const { table } = openTestWorkspace();
    const err = await refused(
      table['catalogs.importOverlay']({ file: { fileName: 'o.json', base64: 'e30=!!' } }),
    );
    expect(err.code).toBe('invalid-input');
    expect(err.message).toMatch(/did not arrive intact/);
  });

  it('falls back to the shipped catalog, and says so, when a stored overlay was tampered with', async () => {
    const { dir, table, services } = openTestWorkspace();
    services.catalogs.importOverlay(
      asFile(overlayDoc(ID33, [{ id: 'SR 4.1 RE 2', sl: [3, 4] }])).bytes,
      'o.json',
    );
    const raw = new Database(`${dir}/${DB_FILE_NAME}`);
    raw.prepare("UPDATE catalog_overlay SET file = CAST('{}' AS BLOB)").run();
    raw.close();
    const list = await ok<CatalogSummary[]>(table['catalogs.list']({}));
    const c = list.find((x) => x.id === ID33);
    expect(c?.overlay).toBeNull();
    expect(c?.staleOverlay?.problem).toMatch(/no longer matches its SHA-256/);
    expect(services.catalogs.byPart('3-3').requirements.find((r) => r.id === 'SR 4.1 RE 2')?.sl).toEqual([4]);
    expect(services.catalogs.catalogVersions()[1].overlay).toBeNull();
    await ok(table['catalogs.removeOverlay']({ catalogId: ID33 }));
    expect((await ok<CatalogSummary[]>(table['catalogs.list']({})))[1].staleOverlay).toBeNull();
  });

  it('answers a malformed catalog id with invalid input', async () => {
    const { table } = openTestWorkspace();
    const err = await refused(table['catalogs.get']({ catalogId: '../../etc/passwd' }));
    expect(err.code).toBe('invalid-input');
    const gone = await refused(table['catalogs.get']({ catalogId: 'iec-62443-3-3:1999' }));
    expect(gone).toEqual({ code: 'not-found', message: 'Unknown catalog iec-62443-3-3:1999.' });
  });
});

describe('migration 0004', () => {
  it('upgrades a schema-3 workspace in place, keeping its assessments', () => {
    const dir = workspaceAtSchema(3, 'Before 0004');
    const db = openDatabase(dir);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBeGreaterThanOrEqual(4);
    expect(db.prepare('SELECT title FROM assessment').pluck().all()).toEqual(['Before 0004']);
    expect(db.prepare('SELECT COUNT(*) FROM catalog_overlay').pluck().get()).toBe(0);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all(),
    ).toEqual(['catalog_overlay_event_no_delete', 'catalog_overlay_event_no_update']);
    db.close();
  });
});

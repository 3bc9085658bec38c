import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceBatchResult, EvidenceItem } from '../../src/shared/contract/evidence';
import { evidenceRows, makeJpeg, seedModel, storeContents, writeFile } from '../helpers/evidence';
import { ok, openTestWorkspace, tempDir } from '../helpers/workspace';

const sha = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

describe('evidence store', () => {
  it('stores a file under evidence/ab/<sha256>, read-only, with metadata and an audit event', async () => {
    const { dir, services } = openTestWorkspace();
    services.ws.setSetting('auditor.name', 'Ana Kovač');
    const a = services.assessments.create({ title: 'A' });
    const files = tempDir();
    const f = writeFile(files, 'router-config.txt', 'hostname plc-gw\ninterface eth0\n');
    fs.utimesSync(f, new Date('2026-03-01T08:00:00Z'), new Date('2026-03-01T08:00:00Z'));
    const { status, item } = await services.evidence.addFile(a.id, f, { description: 'Gateway config' });
    const digest = sha('hostname plc-gw\ninterface eth0\n');
    expect(status).toBe('added');
    expect(item).toMatchObject({
      sha256: digest,
      fileName: 'router-config.txt',
      mediaType: 'text/plain',
      size: 31,
      kind: 'file',
      capturedAt: '2026-03-01T08:00:00.000Z',
      capturedBy: 'Ana Kovač',
      description: 'Gateway config',
      removed: null,
      links: [],
      privateExif: false,
    });
    const blob = path.join(dir, 'evidence', digest.slice(0, 2), digest);
    expect(fs.readFileSync(blob, 'utf8')).toBe('hostname plc-gw\ninterface eth0\n');
    expect(fs.statSync(blob).mode & 0o222).toBe(0);
    const last = services.ws.trail.list(a.id).at(-1)!;
    expect(last).toMatchObject({
      action: 'evidence.added',
      entity: 'evidence',
      entityId: digest,
      actor: 'Ana Kovač',
      data: { fileName: 'router-config.txt', size: 31, mediaType: 'text/plain' },
    });
  });

  it('takes the capture time from EXIF DateTimeOriginal when a photo has one', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const jpeg = await makeJpeg({ dateTimeOriginal: '2026:11:23 10:15:30', offset: '+01:00' });
    const f = writeFile(tempDir(), 'IMG_0001.JPG', jpeg);
    const { item } = await services.evidence.addFile(a.id, f, { kind: 'photo' });
    expect(item.capturedAt).toBe('2026-11-23T09:15:30.000Z');
    expect(item.mediaType).toBe('image/jpeg');
  });

  it('stores the same content once; a second row only for another assessment', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const b = services.assessments.create({ title: 'B' });
    const files = tempDir();
    const one = writeFile(files, 'one.txt', 'same bytes');
    const two = writeFile(files, 'copy of one.txt', 'same bytes');
    expect((await services.evidence.addFile(a.id, one)).status).toBe('added');
    const events = services.ws.trail.list(a.id).length;
    const again = await services.evidence.addFile(a.id, two);
    expect(again.status).toBe('duplicate');
    expect(again.item.fileName).toBe('one.txt');
    expect(services.ws.trail.list(a.id)).toHaveLength(events); // nothing changed, nothing recorded
    expect((await services.evidence.addFile(b.id, two)).status).toBe('added');
    expect(evidenceRows(services)).toBe(2);
    expect(storeContents(services).blobs).toEqual([sha('same bytes')]);
  });

  it('adds bytes from the window and typed notes', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const png = await (await import('sharp'))
      .default({ create: { width: 20, height: 10, channels: 3, background: '#08f' } })
      .png()
      .toBuffer();
    const pasted = await services.evidence.addBytes(a.id, {
      fileName: '../../etc/screenshot.png',
      bytes: png,
      kind: 'screenshot',
      lastModified: Date.parse('2026-05-05T05:05:05Z'),
    });
    expect(pasted.item).toMatchObject({
      fileName: 'screenshot.png',
      mediaType: 'image/png',
      kind: 'screenshot',
      capturedAt: '2026-05-05T05:05:05.000Z',
    });
    const note = await services.evidence.addNote(a.id, {
      text: 'Operator says the HMI password is on a sticky note.',
      title: 'HMI password',
    });
    expect(note.item).toMatchObject({
      fileName: 'HMI password.txt',
      mediaType: 'text/plain',
      kind: 'note',
      description: 'HMI password',
    });
    expect(fs.readFileSync(services.evidence.blobs.blobPath(note.item.sha256), 'utf8')).toBe(
      'Operator says the HMI password is on a sticky note.\n',
    );
  });

  it('imports a folder recursively with a line per file (camera card)', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const card = tempDir('zonewalk-card-');
    writeFile(card, 'DCIM/100CANON/IMG_0001.JPG', await makeJpeg({ color: { r: 1, g: 2, b: 3 } }));
    writeFile(card, 'DCIM/100CANON/IMG_0002.JPG', await makeJpeg({ color: { r: 4, g: 5, b: 6 } }));
    writeFile(card, 'DCIM/100CANON/IMG_0003.JPG', await makeJpeg({ color: { r: 4, g: 5, b: 6 } }));
    writeFile(card, 'MISC/empty.dat', '');
    fs.symlinkSync('/etc/passwd', path.join(card, 'passwd'));
    const lines = await services.evidence.addFolder(a.id, card, { kind: 'photo' });
    expect(lines.map((l) => [l.name, l.status])).toEqual([
      ['DCIM/100CANON/IMG_0001.JPG', 'added'],
      ['DCIM/100CANON/IMG_0002.JPG', 'added'],
      ['DCIM/100CANON/IMG_0003.JPG', 'duplicate'],
      ['MISC/empty.dat', 'failed'],
      ['passwd', 'skipped'],
    ]);
    expect(lines[3].message).toMatch(/empty \(0 bytes\)/);
    expect(services.evidence.list(a.id).map((i) => i.fileName)).toEqual(['IMG_0002.JPG', 'IMG_0001.JPG']);
  });

  it('adds many paths, one failure does not stop the rest', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const files = tempDir();
    const lines = await services.evidence.addPaths(a.id, [
      writeFile(files, 'a.csv', 'tag,value\nFIC101,3.2\nFIC102,4.1\n'),
      path.join(files, 'missing.pdf'),
      writeFile(files, 'b.json', '{"ok": true}'),
    ]);
    expect(lines.map((l) => l.status)).toEqual(['added', 'failed', 'added']);
    expect(services.evidence.list(a.id).map((i) => i.mediaType)).toEqual(['application/json', 'text/csv']);
  });
});

describe('links, removal and deletion', () => {
  async function withItem() {
    const ctx = openTestWorkspace();
    const a = ctx.services.assessments.create({ title: 'A' });
    seedModel(ctx.services, a.id);
    const f = writeFile(tempDir(), 'cabinet.jpg', await makeJpeg());
    const { item } = await ctx.services.evidence.addFile(a.id, f, { kind: 'photo' });
    return { ...ctx, a, item };
  }

  it('links to answers, findings and assets, many to many, each in the audit trail under its target', async () => {
    const { services, a, item } = await withItem();
    const ev = services.evidence;
    ev.link(a.id, item.sha256, {
      kind: 'response',
      scope: { kind: 'zone', id: 'z1' },
      requirement: 'SR 1.1',
    });
    ev.link(a.id, item.sha256, {
      kind: 'response',
      scope: { kind: 'zone', id: 'z1' },
      requirement: 'SR 1.1',
    });
    ev.link(a.id, item.sha256, { kind: 'response', scope: { kind: 'organisation' }, requirement: 'ORG 1.1' });
    ev.link(a.id, item.sha256, { kind: 'finding', id: 'f1' });
    const linked = ev.link(a.id, item.sha256, { kind: 'asset', id: 'a1' });
    expect(linked.links).toHaveLength(4);
    expect(linked.links).toEqual(
      expect.arrayContaining([
        { kind: 'response', id: 'zone:z1|SR 1.1' },
        { kind: 'response', id: 'organisation|ORG 1.1' },
        { kind: 'finding', id: 'f1' },
        { kind: 'asset', id: 'a1' },
      ]),
    );
    const trail = services.ws.trail.list(a.id);
    const links = trail.filter((e) => e.action === 'evidence.linked');
    expect(links.map((e) => `${e.entity}/${e.entityId}`)).toEqual([
      'response/zone:z1|SR 1.1',
      'response/organisation|ORG 1.1',
      'finding/f1',
      'asset/a1',
    ]);
    expect(links[0].data).toEqual({ sha256: item.sha256, fileName: 'cabinet.jpg' });
    const unlinked = ev.unlink(a.id, item.sha256, { kind: 'finding', id: 'f1' });
    expect(unlinked.links).toHaveLength(3);
    expect(ev.history(a.id, item.sha256).map((e) => e.action)).toEqual([
      'evidence.added',
      'evidence.linked',
      'evidence.linked',
      'evidence.linked',
      'evidence.linked',
      'evidence.unlinked',
    ]);
    expect(services.ws.trail.verify(a.id).ok).toBe(true);
  });

  it('refuses links to things the assessment does not have', async () => {
    const { services, a, item } = await withItem();
    const ev = services.evidence;
    expect(() =>
      ev.link(a.id, item.sha256, {
        kind: 'response',
        scope: { kind: 'zone', id: 'nope' },
        requirement: 'SR 1.1',
      }),
    ).toThrow('There is no zone "nope" in this assessment.');
    expect(() => ev.link(a.id, item.sha256, { kind: 'finding', id: 'f9' })).toThrow(/no finding "f9"/);
    expect(() => ev.link(a.id, item.sha256, { kind: 'asset', id: 'z1' })).toThrow(/no asset "z1"/);
    expect(() =>
      ev.link(a.id, item.sha256, {
        kind: 'response',
        scope: { kind: 'conduit', id: 'c1' },
        requirement: 'SR 5.1',
      }),
    ).toThrow(/no conduit "c1"/);
  });

  it('filters by scope, kind, unlinked and target', async () => {
    const { services, a, item } = await withItem();
    const ev = services.evidence;
    const note = (await ev.addNote(a.id, { text: 'unlinked note' })).item;
    const z2 = (await ev.addNote(a.id, { text: 'finding note', target: { kind: 'finding', id: 'f1' } })).item;
    ev.link(a.id, item.sha256, {
      kind: 'response',
      scope: { kind: 'zone', id: 'z1' },
      requirement: 'SR 1.1',
    });
    const names = (items: EvidenceItem[]) => items.map((i) => i.sha256);
    expect(names(ev.list(a.id, { scope: { kind: 'zone', id: 'z1' } }))).toEqual([item.sha256]);
    expect(names(ev.list(a.id, { scope: { kind: 'zone', id: 'z2' } }))).toEqual([z2.sha256]);
    expect(names(ev.list(a.id, { kind: 'note' }))).toEqual([z2.sha256, note.sha256]);
    expect(names(ev.list(a.id, { unlinked: true }))).toEqual([note.sha256]);
    expect(
      names(
        ev.list(a.id, {
          target: { kind: 'response', scope: { kind: 'zone', id: 'z1' }, requirement: 'SR 1.1' },
        }),
      ),
    ).toEqual([item.sha256]);
  });

  it('removal records who, when and why, drops the links and keeps the file', async () => {
    const { services, a, item } = await withItem();
    services.ws.setSetting('auditor.name', 'Jonas Weber');
    const ev = services.evidence;
    ev.link(a.id, item.sha256, { kind: 'asset', id: 'a1' });
    const removed = ev.remove(a.id, item.sha256, 'Wrong cabinet photographed');
    expect(removed.removed).toMatchObject({ by: 'Jonas Weber', reason: 'Wrong cabinet photographed' });
    expect(removed.links).toEqual([]);
    expect(ev.list(a.id)).toEqual([]);
    expect(ev.list(a.id, { includeRemoved: true })).toHaveLength(1);
    expect(services.ws.trail.list(a.id).at(-1)).toMatchObject({
      action: 'evidence.removed',
      actor: 'Jonas Weber',
      data: { reason: 'Wrong cabinet photographed', links: [{ kind: 'asset', id: 'a1' }] },
    });
    expect(fs.existsSync(ev.blobs.blobPath(item.sha256))).toBe(true);
    expect(() => ev.link(a.id, item.sha256, { kind: 'asset', id: 'a1' })).toThrow(/was removed/);
    // Adding it again restores it.
    const back = await ev.addBytes(a.id, {
      fileName: 'cabinet.jpg',
      bytes: fs.readFileSync(ev.blobs.blobPath(item.sha256)),
    });
    expect(back.status).toBe('restored');
    expect(back.item.removed).toBeNull();
  });

  it('deleting an assessment deletes files no other assessment uses', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const b = services.assessments.create({ title: 'B' });
    const files = tempDir();
    const shared = writeFile(files, 'shared.txt', 'in both');
    const own = writeFile(files, 'own.txt', 'only in A');
    await services.evidence.addFile(a.id, shared);
    await services.evidence.addFile(a.id, own);
    await services.evidence.addFile(b.id, shared);
    const thumbOwner = (
      await services.evidence.addBytes(a.id, { fileName: 'p.jpg', bytes: await makeJpeg() })
    ).item;
    await services.evidence.thumbnail(thumbOwner.sha256);
    services.evidence.remove(a.id, thumbOwner.sha256, 'duplicate shot');
    expect(fs.existsSync(services.evidence.blobs.blobPath(thumbOwner.sha256))).toBe(true);
    services.assessments.delete(a.id);
    expect(storeContents(services).blobs).toEqual([sha('in both')]);
    expect(services.ws.db.prepare('SELECT count(*) AS n FROM thumbnail').get()).toEqual({ n: 0 });
  });
});

describe('evidence through the handler table', () => {
  it('adds bytes, lists, links and reports typed errors', async () => {
    const { services, table } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    seedModel(services, a.id);
    const added = await ok<{ status: string; item: EvidenceItem }>(
      table['evidence.addBytes']({
        assessmentId: a.id,
        fileName: 'photo.jpg',
        base64: (await makeJpeg({ gps: true })).toString('base64'),
        kind: 'photo',
        target: { kind: 'asset', id: 'a1' },
      }),
    );
    expect(added.item.privateExif).toBe(true);
    expect(added.item.links).toEqual([{ kind: 'asset', id: 'a1' }]);
    const list = await ok<EvidenceItem[]>(
      table['evidence.list']({ assessmentId: a.id, filter: { kind: 'photo' } }),
    );
    expect(list).toHaveLength(1);
    const thumb = await ok<{ dataUrl: string }>(table['evidence.thumbnail']({ sha256: added.item.sha256 }));
    expect(thumb.dataUrl).toMatch(/^data:image\/png;base64,/);
    const exif = await ok<{ gps: unknown }>(
      table['evidence.exif']({ assessmentId: a.id, sha256: added.item.sha256 }),
    );
    expect(exif.gps).toEqual({ latitude: expect.closeTo(48.758, 3), longitude: expect.closeTo(11.4167, 3) });
    const bad = await table['evidence.link']({
      assessmentId: a.id,
      sha256: added.item.sha256,
      target: { kind: 'finding', id: 'nope' },
    });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no finding "nope" in this assessment.' },
    });
    const empty = await table['evidence.addBytes']({ assessmentId: a.id, fileName: 'x', base64: '' });
    expect(empty.ok).toBe(false);
    const noReason = await table['evidence.remove']({
      assessmentId: a.id,
      sha256: added.item.sha256,
      reason: '',
    });
    expect(noReason.ok).toBe(false);
    const targets = await ok<{ scopes: { label: string }[] }>(
      table['evidence.targets']({ assessmentId: a.id }),
    );
    expect(targets.scopes.map((s) => s.label)).toEqual([
      'Organisation',
      'Zone Control room',
      'Zone Field',
      'Asset PLC 1',
    ]);
  });

  it('paths and folders come from the desktop dialogs only; headless says so', async () => {
    const { services, table } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const r = await table['evidence.addPaths']({ assessmentId: a.id });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Adding files from disk is only available in the Zonewalk desktop app.',
      },
    });
    const caps = await ok(table['desktop.capabilities']({}));
    expect(caps).toEqual({
      pickFiles: false,
      pickFolder: false,
      pickFile: false,
      pickSavePath: false,
      openPath: false,
    });
  });

  it('with a desktop platform: dialogs feed addPaths/addFolder, cancel adds nothing', async () => {
    const { createHandlerTable } = await import('../../src/main/handlers');
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const files = tempDir();
    const picked = [writeFile(files, 'x.txt', 'x'), writeFile(files, 'y.txt', 'y')];
    let cancel = false;
    const table = createHandlerTable(services, () => {}, {
      pickFiles: async () => (cancel ? null : picked),
      pickFolder: async () => (cancel ? null : files),
      openPath: async () => {},
    });
    const r = await ok<EvidenceBatchResult>(table['evidence.addPaths']({ assessmentId: a.id }));
    expect(r.lines.map((l) => l.status)).toEqual(['added', 'added']);
    const folder = await ok<EvidenceBatchResult>(table['evidence.addFolder']({ assessmentId: a.id }));
    expect(folder.lines.map((l) => l.status)).toEqual(['duplicate', 'duplicate']);
    cancel = true;
    expect(await ok(table['evidence.addPaths']({ assessmentId: a.id }))).toEqual({
      cancelled: true,
      lines: [],
    });
  });
});

describe('metadata without its file (an assessment imported from JSON)', () => {
  it('says the file is not here, and takes the file when the same content is added', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const jpeg = await makeJpeg();
    const digest = sha(jpeg);
    services.ws.db
      .prepare(
        `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, kind, captured_at, captured_by, added_at)
         VALUES (?, ?, 'cabinet.jpg', 'image/jpeg', ?, 'photo', '2026-01-01T00:00:00Z', 'Ana', '2026-01-01T00:00:00Z')`,
      )
      .run(a.id, digest, jpeg.length);
    const ev = services.evidence;
    expect(ev.get(a.id, digest).stored).toBe(false);
    expect(await ev.thumbnail(digest)).toBeNull();
    await expect(ev.prepareOpenCopy(a.id, digest)).rejects.toThrow(
      'The file of cabinet.jpg is not in this workspace (only its description was imported); import the audit package that carries it.',
    );
    expect(() => ev.exportCopyStream(digest, { stripPrivateExif: false })).toThrow(
      /is not in this workspace/,
    );
    const added = await ev.addBytes(a.id, { fileName: 'again.jpg', bytes: jpeg });
    expect(added.status).toBe('duplicate');
    expect(added.item.stored).toBe(true);
    expect(await ev.thumbnail(digest)).not.toBeNull();
  });
});

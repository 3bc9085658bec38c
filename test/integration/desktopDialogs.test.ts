import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../src/main/handlers';
import type { PickedPath } from '../../src/shared/contract/desktop';
import type { VerifyReport } from '../../src/shared/contract/packages';
import type { ExportResult } from '../../src/shared/contract/reports';
import type { ExportedKeyFile } from '../../src/shared/contract/signing';
import { fakeDialogs } from '../helpers/desktop';
import { writeTestPackage } from '../helpers/packages';
import { ok, openTestWorkspace, tempDir } from '../helpers/workspace';

const PASS = 'correct horse battery';

function setup() {
  const ws = openTestWorkspace();
  const dialogs = fakeDialogs();
  const table = createHandlerTable(ws.services, () => {}, dialogs.platform);
  return { ...ws, table, ...dialogs };
}

/** Every file below `dir`, relative, sorted. */
const filesIn = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

describe('native dialogs for the window’s path fields', () => {
  it('headless (browser, CLI, e2e by default): no dialog exists, and asking for one says so', async () => {
    const { table } = openTestWorkspace();
    expect(await ok(table['desktop.capabilities']({}))).toEqual({
      pickFiles: false,
      pickFolder: false,
      pickFile: false,
      pickSavePath: false,
      openPath: false,
    });
    expect(await table['desktop.pickFile']({})).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Choosing a file with the system dialog is only available in the Zonewalk desktop app.',
      },
    });
    expect(await table['desktop.pickSavePath']({})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await table['desktop.pickFolder']({})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('reports exactly the dialogs the platform has', async () => {
    const { table } = setup();
    expect(await ok(table['desktop.capabilities']({}))).toEqual({
      pickFiles: false,
      pickFolder: true,
      pickFile: true,
      pickSavePath: true,
      openPath: false,
    });
  });

  it('passes title, filters and the suggested name through, and returns the chosen path', async () => {
    const { table, asked, answer } = setup();
    answer.path = '/media/usb/site.audit.zip';
    const filters = [{ name: 'Audit packages', extensions: ['zip'] }];
    expect(await ok(table['desktop.pickFile']({ title: 'Choose a package', filters }))).toEqual({
      path: '/media/usb/site.audit.zip',
    });
    answer.path = '/home/ana/keys/Ana.pub.pem';
    expect(
      await ok(
        table['desktop.pickSavePath']({
          defaultName: 'Ana.pub.pem',
          filters: [{ name: 'PEM', extensions: ['pem'] }],
        }),
      ),
    ).toEqual({ path: '/home/ana/keys/Ana.pub.pem' });
    answer.path = '/media/usb';
    expect(await ok(table['desktop.pickFolder']({ title: 'Export folder' }))).toEqual({ path: '/media/usb' });
    expect(asked).toEqual([
      { dialog: 'file', opts: { title: 'Choose a package', filters } },
      {
        dialog: 'save',
        opts: { defaultName: 'Ana.pub.pem', filters: [{ name: 'PEM', extensions: ['pem'] }] },
      },
      { dialog: 'folder', opts: { title: 'Export folder' } },
    ]);
  });

  it('refuses oversized or odd dialog options before any dialog opens', async () => {
    const { table, asked } = setup();
    const filter = (extensions: string[], name = 'Files') => ({ name, extensions });
    const bad: [keyof typeof table, unknown][] = [
      ['desktop.pickFile', { filters: [filter(['.zip'])] }],
      ['desktop.pickFile', { filters: [filter(['*'])] }],
      ['desktop.pickFile', { filters: [filter(['zip/../x'])] }],
      ['desktop.pickFile', { filters: [filter([])] }],
      ['desktop.pickFile', { filters: [filter(Array.from({ length: 9 }, (_, i) => `e${i}`))] }],
      ['desktop.pickFile', { filters: Array.from({ length: 7 }, () => filter(['zip'])) }],
      ['desktop.pickFile', { filters: [filter(['zip'], 'x'.repeat(81))] }],
      ['desktop.pickFile', { filters: [{ ...filter(['zip']), extra: 1 }] }],
      ['desktop.pickFile', { title: 't'.repeat(121) }],
      ['desktop.pickFile', { defaultPath: '/etc' }],
      ['desktop.pickSavePath', { defaultName: '../../.bashrc' }],
      ['desktop.pickSavePath', { defaultName: '/etc/passwd' }],
      ['desktop.pickSavePath', { defaultName: 'C:\\key.pem' }],
      ['desktop.pickSavePath', { defaultName: '..' }],
      ['desktop.pickSavePath', { defaultName: 'n'.repeat(256) }],
      ['desktop.pickFolder', { title: 42 }],
      ['desktop.capabilities', { anything: true }],
    ];
    for (const [channel, input] of bad) {
      const r = await table[channel](input);
      expect(r, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(asked).toEqual([]);
  });

  it('save dialog to a key file: the key lands exactly there; cancel writes nothing anywhere', async () => {
    const { table, answer, dir } = setup();
    await ok(table['keys.create']({ name: 'Ana Kovač', passphrase: PASS }));
    const elsewhere = tempDir();
    const before = filesIn(dir);

    answer.path = null;
    const cancelled = await ok<PickedPath>(
      table['desktop.pickSavePath']({ defaultName: 'Ana-Kovac.pub.pem' }),
    );
    expect(cancelled).toEqual({ path: null });
    expect(filesIn(elsewhere)).toEqual([]);
    expect(filesIn(dir)).toEqual(before);

    answer.path = path.join(elsewhere, 'for the client.pem');
    const chosen = await ok<PickedPath>(table['desktop.pickSavePath']({ defaultName: 'Ana-Kovac.pub.pem' }));
    const written = await ok<ExportedKeyFile>(
      table['keys.exportPublic']({ name: 'Ana Kovač', file: chosen.path ?? '' }),
    );
    expect(written.path).toBe(path.join(elsewhere, 'for the client.pem'));
    expect(fs.readFileSync(written.path, 'utf8')).toBe(written.pem);
    expect(filesIn(elsewhere)).toEqual(['for the client.pem']);

    const priv = await ok<ExportedKeyFile>(
      table['keys.exportPrivate']({ name: 'Ana Kovač', file: path.join(elsewhere, 'ana.key.pem') }),
    );
    expect((fs.statSync(priv.path).mode & 0o777).toString(8)).toBe('600');
  });

  it('without a save dialog the key goes to the workspace’s exports folder, created on first use', async () => {
    const { table, dir } = openTestWorkspace();
    await ok(table['keys.create']({ name: 'Ana Kovač', passphrase: PASS }));
    const written = await ok<ExportedKeyFile>(table['keys.exportPublic']({ name: 'Ana Kovač' }));
    expect(written.path).toBe(path.join(dir, 'exports', 'Ana-Kovac.pub.pem'));
    expect(fs.readFileSync(written.path, 'utf8')).toBe(written.pem);
  });

  it('a key file must be a full path, and not given together with a folder', async () => {
    const { table } = setup();
    await ok(table['keys.create']({ name: 'Ana', passphrase: PASS }));
    expect(await table['keys.exportPublic']({ name: 'Ana', file: 'relative.pem' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Choose where to save the key by its full path.' },
    });
    expect(
      await table['keys.exportPublic']({ name: 'Ana', file: '/tmp/a.pem', outDir: '/tmp' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('not both') },
    });
  });

  it('open dialog to a package file: the path it returns is the one verified', async () => {
    const { table, answer } = setup();
    const usb = tempDir();
    const pkg = await writeTestPackage(usb);
    answer.path = pkg.path;
    const picked = await ok<PickedPath>(
      table['desktop.pickFile']({ filters: [{ name: 'Packages', extensions: ['zip'] }] }),
    );
    const report = await ok<VerifyReport>(table['packages.verify']({ path: picked.path ?? '' }));
    expect(report.file).toBe(pkg.path);
    expect(report.verdict).toBe('valid-untrusted');
  });

  it('folder dialog to the reports: the gap register is written into the chosen folder', async () => {
    const { table, answer, services } = setup();
    const a = services.assessments.create({ title: 'Waterworks' });
    const usb = tempDir();
    answer.path = usb;
    const folder = await ok<PickedPath>(table['desktop.pickFolder']({ title: 'Export folder' }));
    const r = await ok<ExportResult>(
      table['reports.exportGapRegister']({ assessmentId: a.id, outDir: folder.path ?? undefined }),
    );
    expect(path.dirname(r.path)).toBe(usb);
    expect(filesIn(usb)).toEqual([path.basename(r.path)]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../src/main/handlers';
import { createServices } from '../../src/main/services';
import { ok, tempDir } from '../helpers/workspace';

const FIXTURE = path.resolve('test/fixtures/hostile/traversal-name.audit.zip');
const SAFE_NAME = 'settings.json';

/** Every file below `dir`, with its bytes, so a test can see that nothing changed or appeared. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name);
    if (e.isFile()) out[path.relative(dir, p)] = fs.readFileSync(p, 'base64');
  }
  return out;
}

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

/**
 * A victim's machine in a temp folder: its temp folder three levels below the root (where open
 * copies go), and an editor settings file that `../../../home/auditor/...` reaches from there.
 */
function victimMachine() {
  const root = tempDir();
  const tmp = path.join(root, 'tmp', 'user');
  fs.mkdirSync(tmp, { recursive: true });
  const settings = path.join(root, 'home/auditor/.config/Code/User/settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  fs.writeFileSync(settings, '{ "editor.fontSize": 12 }\n');
  process.env.TMPDIR = tmp;
  const home = path.join(root, 'home');
  const opened: string[] = [];
  const services = createServices(path.join(root, 'workspace'));
  const table = createHandlerTable(services, () => {}, {
    openPath: async (file) => {
      opened.push(file);
    },
  });
  return { root, tmp, home, settings, services, table, opened, before: snapshot(home) };
}

describe('an evidence file name that walks out of its folder', () => {
  it('a signed package naming its evidence ../../../home/…/settings.json: review, open original, nothing outside is written', async () => {
    const m = victimMachine();
    try {
      const review = await ok<{ assessmentId: string }>(m.table['packages.review']({ path: FIXTURE }));
      const [item] = await ok<{ sha256: string; fileName: string }[]>(
        m.table['evidence.list']({ assessmentId: review.assessmentId }),
      );
      expect(item.fileName).toBe(SAFE_NAME);
      const opened = await ok<{ opened: string }>(
        m.table['evidence.openOriginal']({
          assessmentId: review.assessmentId,
          sha256: item.sha256,
          confirmed: true,
        }),
      );
      expect(m.opened).toEqual([opened.opened]);
      expect(path.dirname(path.dirname(opened.opened))).toBe(m.tmp);
      expect(path.basename(path.dirname(opened.opened))).toMatch(/^zonewalk-open-/);
      expect(path.basename(opened.opened)).toBe(SAFE_NAME);
      expect(snapshot(m.home)).toEqual(m.before);
      expect(fs.readdirSync(m.root).sort()).toEqual(['home', 'tmp', 'workspace']);
    } finally {
      m.services.ws.close();
    }
  });

  it('a row stored before the file-name rule still opens inside its own folder', async () => {
    const m = victimMachine();
    try {
      const a = m.services.assessments.create({ title: 'Old row' });
      const added = await m.services.evidence.addBytes(a.id, {
        fileName: 'settings.json',
        bytes: Buffer.from('{ "owned": true }\n'),
      });
      m.services.ws.db
        .prepare('UPDATE evidence SET file_name = ? WHERE sha256 = ?')
        .run('../../../home/auditor/.config/Code/User/settings.json', added.item.sha256);
      const opened = await ok<{ opened: string }>(
        m.table['evidence.openOriginal']({ assessmentId: a.id, sha256: added.item.sha256, confirmed: true }),
      );
      expect(path.dirname(path.dirname(opened.opened))).toBe(m.tmp);
      expect(snapshot(m.home)).toEqual(m.before);
    } finally {
      m.services.ws.close();
    }
  });

  it('a name from the window or the disk is stored as a safe base name, the given one kept as display text', async () => {
    const m = victimMachine();
    try {
      const a = m.services.assessments.create({ title: 'Capture' });
      const fromWindow = await m.services.evidence.addBytes(a.id, {
        fileName: '..\\..\\evil\u202Egpj.exe',
        bytes: Buffer.from('plain text\n'),
      });
      expect(fromWindow.item.fileName).toBe('evil_gpj.exe');
      const row = m.services.ws.db
        .prepare('SELECT metadata FROM evidence WHERE sha256 = ?')
        .get(fromWindow.item.sha256) as { metadata: string };
      expect(JSON.parse(row.metadata).originalFileName).toBe('..\\..\\evil\u202Egpj.exe');
      const dir = tempDir();
      const onDisk = path.join(dir, 'row\nforged CON.txt');
      fs.writeFileSync(onDisk, 'from disk\n');
      expect((await m.services.evidence.addFile(a.id, onDisk)).item.fileName).toBe('row_forged CON.txt');
    } finally {
      m.services.ws.close();
    }
  });
});

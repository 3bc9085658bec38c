import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { toErrorShape } from '../../src/main/handlers';
import { createServices } from '../../src/main/services';
import type { MergePreview } from '../../src/shared/contract/imports';
import { jonasPackage, twoAuditors } from '../helpers/twoAuditors';
import { ok, tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

// Screen clear, an OSC 8 hyperlink, a carriage return and a right-to-left override.
const HOSTILE_TITLE =
  'Plant\u001b[2J \u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007\rOK \u202Egpj.exe';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls a terminal obeys are what the test looks for
const DRIVES_TERMINAL = /[\u001b\u0007\r\u202e]/;

describe('user text cannot drive the terminal or forge output rows', () => {
  it('escapes ESC, OSC, CR and bidi in titles; JSON output keeps the value', async () => {
    const dir = tempDir();
    const s = createServices(dir);
    const a = s.assessments.create({ title: HOSTILE_TITLE });
    s.ws.close();
    const table = await cli(['--data-dir', dir, 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(DRIVES_TERMINAL);
    expect(table.stdout).toContain(
      'Plant\\u001b[2J \\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007\\u000dOK \\u202egpj.exe',
    );
    const json = await cli(['--data-dir', dir, 'list', '--json']);
    expect(json.stdout).not.toMatch(DRIVES_TERMINAL);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ id: a.id, title: HOSTILE_TITLE });
  });

  it('a line break in a title or a removal reason cannot add a row to list or evidence list', async () => {
    const dir = tempDir();
    const s = createServices(dir);
    const forged = `0000000000000000000000000000000000000000000000000000000000000000\t1\ttext/plain\tfile\t2026-01-01T00:00:00Z\tmallory\t-\tforged.txt`;
    const a = s.assessments.create({ title: `Real\n01FORGED\tForged\t\tdraft\t2026-01-01` });
    const added = await s.evidence.addNote(a.id, { text: 'genuine note' });
    s.evidence.remove(a.id, added.item.sha256, `duplicate\n${forged}`);
    s.ws.close();
    const list = await cli(['--data-dir', dir, 'list']);
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(list.stdout).toContain('Real\\n01FORGED\\tForged');
    const evidence = await cli(['--data-dir', dir, 'evidence', 'list', a.id, '--removed']);
    const rows = evidence.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1].split('\t')).toHaveLength(8);
    expect(rows[1]).toContain('removed: duplicate\\n0000');
  });
});

describe('SQLite text becomes a sentence', () => {
  it('merging the same package twice says so, without SQLite table names', async () => {
    const t = twoAuditors();
    const pkg = await jonasPackage(t.jonas, t.assessmentId, tempDir());
    const merge = async () => {
      const preview = await ok<MergePreview>(
        t.ana.table['packages.mergePreview']({ path: pkg, assessmentId: t.assessmentId }),
      );
      const decisions = Object.fromEntries(preview.conflicts.map((c) => [c.key, 'mine']));
      return t.ana.table['packages.mergeApply']({
        path: pkg,
        assessmentId: t.assessmentId,
        tagManifestSha256: preview.tagManifestSha256,
        decisions,
      });
    };
    expect((await merge()).ok).toBe(true);
    const again = await merge();
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const message = (again as { error: { message: string } }).error.message;
    expect(message).toMatch(
      /^This package was already merged into this assessment \(.+\), so nothing was changed\.$/,
    );
  });

  it('a constraint error that reaches the boundary is a sentence, not SQLite text', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE package_import (id TEXT PRIMARY KEY)');
    db.prepare('INSERT INTO package_import VALUES (?)').run('x');
    let raised: unknown;
    try {
      db.prepare('INSERT INTO package_import VALUES (?)').run('x');
    } catch (err) {
      raised = err;
    }
    const shape = toErrorShape(raised, () => {});
    expect(shape).toEqual({
      code: 'conflict',
      message:
        'This is already recorded in the workspace, so nothing was changed. Reload to see the current state.',
    });
  });
});

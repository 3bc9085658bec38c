import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { createServices } from '../../src/main/services';
import { makeJpeg, seedModel, writeFile } from '../helpers/evidence';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function workspace() {
  const dir = tempDir();
  const s = createServices(dir);
  const a = s.assessments.create({ title: 'Waterworks' });
  seedModel(s, a.id);
  s.ws.close();
  return { dir, id: a.id };
}

describe('zonewalk evidence', () => {
  it('adds files with links and a description, lists them as a table and JSON', async () => {
    const { dir, id } = workspace();
    const files = tempDir();
    const photo = writeFile(files, 'IMG_0001.JPG', await makeJpeg());
    const cfg = writeFile(files, 'switch.cfg', 'vlan 10\n name OT\n');
    const r = await cli([
      '--data-dir',
      dir,
      'evidence',
      'add',
      id,
      photo,
      cfg,
      '--link',
      'zone:z1:SR 1.1',
      '--link',
      'asset:a1',
      '--description',
      'Cabinet 3',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['added', 'added']);
    const list = await cli(['--data-dir', dir, 'evidence', 'list', id, '--json']);
    const items = JSON.parse(list.stdout);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.description).toBe('Cabinet 3');
      expect(item.links).toEqual([
        { kind: 'response', id: 'zone:z1|SR 1.1' },
        { kind: 'asset', id: 'a1' },
      ]);
    }
    const table = await cli(['--data-dir', dir, 'evidence', 'list', id]);
    expect(table.stdout).toMatch(/^SHA256\tSIZE\tTYPE/);
    expect(table.stdout).toContain('image/jpeg\tfile');
    expect(table.stdout).toContain('response:zone:z1|SR 1.1, asset:a1\tswitch.cfg');
  });

  it('reports each failed file on stderr and exits 1; bad usage exits 2', async () => {
    const { dir, id } = workspace();
    const files = tempDir();
    const good = writeFile(files, 'good.txt', 'good');
    const r = await cli(['--data-dir', dir, 'evidence', 'add', id, good, '/dev/null', files]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^added\t[0-9a-f]{64}\t/);
    expect(r.stderr.trim().split('\n')).toEqual([
      'zonewalk: failed: null is a device, not a file; only regular files can be evidence.',
      expect.stringMatching(/^zonewalk: failed: zonewalk-test-\w+ is a folder/),
    ]);
    const badLink = await cli(['--data-dir', dir, 'evidence', 'add', id, good, '--link', 'zone:z1']);
    expect(badLink.code).toBe(2);
    expect(badLink.stderr).toMatch(/give a requirement after zone:z1:/);
    const noZone = await cli(['--data-dir', dir, 'evidence', 'add', id, good, '--link', 'zone:zz:SR 1.1']);
    expect(noZone.code).toBe(1);
    expect(noZone.stderr).toBe('zonewalk: There is no zone "zz" in this assessment.\n');
    expect((await cli(['--data-dir', dir, 'evidence'])).stderr).toMatch(
      /'evidence' needs one of: add, add-folder, list/,
    );
    expect((await cli(['--data-dir', dir, 'evidence', 'list'])).code).toBe(2);
  });

  it('imports a folder', async () => {
    const { dir, id } = workspace();
    const card = tempDir();
    writeFile(card, 'DCIM/a.txt', 'a');
    writeFile(card, 'DCIM/sub/b.txt', 'b');
    const r = await cli(['--data-dir', dir, 'evidence', 'add-folder', id, card, '--kind', 'photo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/added\t[0-9a-f]{64}\tDCIM\/a\.txt\nadded\t[0-9a-f]{64}\tDCIM\/sub\/b\.txt\n/);
  });
});

describe('zonewalk trail', () => {
  async function withHistory() {
    const { dir, id } = workspace();
    const files = tempDir();
    const s = createServices(dir);
    for (let i = 0; i < 4; i++) await s.evidence.addFile(id, writeFile(files, `f${i}.txt`, `file ${i}`));
    s.assessments.update(id, { site: 'Nordhafen' });
    s.ws.close();
    return { dir, id };
  }

  const sql = (dir: string, statement: string) => {
    const db = new Database(path.join(dir, DB_FILE_NAME));
    db.exec(statement);
    db.close();
  };

  it('verifies an intact chain and lists it', async () => {
    const { dir, id } = await withHistory();
    const ok = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: 6 events, chain intact, head [0-9a-f]{64}\n$/);
    const list = await cli(['--data-dir', dir, 'trail', 'list', id, '--json']);
    expect(JSON.parse(list.stdout).map((e: { action: string }) => e.action)).toEqual([
      'assessment.created',
      'evidence.added',
      'evidence.added',
      'evidence.added',
      'evidence.added',
      'assessment.updated',
    ]);
    expect((await cli(['--data-dir', dir, 'trail', 'list', id])).stdout).toMatch(/^SEQ\tAT\tACTOR/);
    expect((await cli(['--data-dir', dir, 'trail', 'verify', 'nope'])).code).toBe(1);
  });

  it("lists the trail in the History's words, names from the model, times in UTC", async () => {
    const { dir, id } = workspace();
    const s = createServices(dir);
    const scope = { kind: 'zone', id: 'z1' } as const;
    s.responses.set(id, scope, 'SR 1.1', { result: 'not-met' });
    s.responses.set(id, scope, 'SR 1.1', { result: 'met' });
    const raw = s.ws.trail.list(id);
    s.ws.close();

    const r = await cli(['--data-dir', dir, 'trail', 'list', id]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('SEQ\tAT\tACTOR\tWHAT\tITEM\tDETAILS');
    expect(lines).toHaveLength(raw.length + 1);
    const last = lines[lines.length - 1].split('\t');
    expect(last[0]).toBe(String(raw[raw.length - 1].seq));
    expect(last[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(last.slice(3)).toEqual(['Changed answer', 'SR 1.1 · Control room', 'Not met → Met']);
    expect(lines[1]).toContain('Created assessment\tWaterworks');

    // The machine format stays the raw events, exactly as stored.
    const json = await cli(['--data-dir', dir, 'trail', 'list', id, '--json']);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(raw)));
  });

  it('names an event edited directly in SQLite', async () => {
    const { dir, id } = await withHistory();
    sql(
      dir,
      `UPDATE audit_event SET data = json_set(data, '$.size', 1) WHERE assessment_id = '${id}' AND seq = 3`,
    );
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('BROKEN at event 3: event 3 was changed after it was recorded\n');
  });

  it('names an event whose actor or time was rewritten, even with a recomputed hash of its own', async () => {
    const { dir, id } = await withHistory();
    const s = createServices(dir);
    const e2 = s.ws.trail.list(id)[1];
    s.ws.close();
    const { eventHash } = await import('../../src/core/audit/auditChain');
    const { sha256Hex } = await import('../../src/main/services/hash');
    const forged = eventHash(e2.prev, { ...e2, actor: 'mallory' }, sha256Hex);
    sql(
      dir,
      `UPDATE audit_event SET actor = 'mallory', hash = '${forged}' WHERE assessment_id = '${id}' AND seq = 2`,
    );
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('BROKEN at event 3: event 3 does not point to the hash of the event before it\n');
  });

  it('names a deleted event', async () => {
    const { dir, id } = await withHistory();
    sql(dir, `DELETE FROM audit_event WHERE assessment_id = '${id}' AND seq = 4`);
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^BROKEN at event 5: event 5 stands where event 4 should/);
  });

  it('names reordered events', async () => {
    const { dir, id } = await withHistory();
    sql(
      dir,
      `UPDATE audit_event SET seq = 100 WHERE assessment_id = '${id}' AND seq = 2;
       UPDATE audit_event SET seq = 2 WHERE assessment_id = '${id}' AND seq = 3;
       UPDATE audit_event SET seq = 3 WHERE assessment_id = '${id}' AND seq = 100;`,
    );
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^BROKEN at event 2: /);
  });

  it('runs as the built program (exit codes 0 and 1)', async () => {
    const bin = path.resolve('out/main/zonewalk.js');
    expect(fs.existsSync(bin), 'run npm run build first').toBe(true);
    const { dir, id } = await withHistory();
    const f = writeFile(tempDir(), 'x.txt', 'x');
    const added = execFileSync(process.execPath, [bin, '--data-dir', dir, 'evidence', 'add', id, f], {
      encoding: 'utf8',
    });
    expect(added).toMatch(/^added\t/);
    expect(spawnSync(process.execPath, [bin, '--data-dir', dir, 'trail', 'verify', id]).status).toBe(0);
    sql(
      dir,
      `UPDATE audit_event SET at = '2020-01-01T00:00:00.000Z' WHERE assessment_id = '${id}' AND seq = 2`,
    );
    const broken = spawnSync(process.execPath, [bin, '--data-dir', dir, 'trail', 'verify', id], {
      encoding: 'utf8',
    });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('BROKEN at event 2');
  });
});

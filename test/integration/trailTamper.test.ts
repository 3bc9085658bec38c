import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { type AuditEvent, chainGenesis, eventHash } from '../../src/core/audit/auditChain';
import { uniformSl } from '../../src/core/domain';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { createServices } from '../../src/main/services';
import { sha256Hex } from '../../src/main/services/hash';
import { bufferFile } from '../../src/main/services/package/payload';
import { verifyPackage } from '../../src/main/services/package/verify';
import { testSigner, writeTestPackage } from '../helpers/packages';
import { exporterFor, PASS } from '../helpers/twoAuditors';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const sql = (dir: string, statement: string, ...params: unknown[]) => {
  const db = new Database(path.join(dir, DB_FILE_NAME));
  db.prepare(statement).run(...params);
  db.close();
};

/** An assessment with a few answers, packaged (signed) half-way through its history. */
async function packagedHistory() {
  const dir = tempDir('zonewalk-trail-');
  const s = createServices(dir);
  const a = s.assessments.create({ title: 'Waterworks Nord 2026' });
  const zone = s.zones.create(a.id, { name: 'Intake', slTarget: uniformSl(2) });
  const scope = { kind: 'zone', id: zone.id } as const;
  s.responses.set(a.id, scope, 'SR 1.1', { result: 'met' });
  s.responses.set(a.id, scope, 'SR 1.2', { result: 'not-met', comment: 'Shared account' });
  s.signing.create('Ana', PASS);
  const out = tempDir();
  const exported = await exporterFor(s).exportNow({
    assessmentId: a.id,
    outputs: { package: true, gapRegister: false, report: false },
    redaction: 'none',
    keyName: 'Ana',
    passphrase: PASS,
    outDir: out,
  });
  const pkg = exported.files[0].path;
  s.responses.set(a.id, scope, 'SR 2.1', { result: 'partially-met' });
  const events = s.ws.trail.list(a.id);
  s.ws.close();
  return { dir, id: a.id, pkg, events, scope };
}

/** Rewrites event `seq`'s data and recomputes every hash after it, as a careful forger would. */
function rewriteFrom(dir: string, id: string, events: AuditEvent[], seq: number, data: AuditEvent['data']) {
  let prev = events[seq - 2]?.hash ?? chainGenesis(id, sha256Hex);
  for (const e of events.slice(seq - 1)) {
    const fields = e.seq === seq ? { ...e, data } : e;
    const hash = eventHash(prev, fields, sha256Hex);
    sql(
      dir,
      'UPDATE audit_event SET data = ?, prev = ?, hash = ? WHERE assessment_id = ? AND seq = ?',
      JSON.stringify(fields.data),
      prev,
      hash,
      id,
      e.seq,
    );
    prev = hash;
  }
}

describe('a trail cannot be shortened or rewritten unnoticed', () => {
  it('the package records the chain head in bag-info.txt, and the workspace trail extends it', async () => {
    const { dir, id, pkg, events } = await packagedHistory();
    const report = await verifyPackage(pkg, {
      trustOf: () => ({ trusted: true as const, name: 'Ana', source: 'given' as const }),
    });
    const packaged = events.find((e) => e.action === 'package.exported')!;
    const head = events[packaged.seq - 2];
    expect(report.bagInfo['Zonewalk-Trail-Head']).toBe(`${head.seq} sha256:${head.hash}`);
    expect(report.checks.find((c) => c.id === 'trail-head')).toMatchObject({ status: 'pass' });
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id, '--against', pkg]);
    expect(r.stdout).toContain(
      `extends ${path.basename(pkg)}: its ${head.seq} events up to event ${head.seq}`,
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('deleting the last events fails --against, naming where the workspace trail ends', async () => {
    const { dir, id, pkg, events } = await packagedHistory();
    const cut = events.find((e) => e.action === 'package.exported')!.seq - 2;
    sql(dir, 'DELETE FROM audit_event WHERE assessment_id = ? AND seq > ?', id, cut);
    const alone = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    // The chain alone cannot show a cut end; the replay shows answers the trail no longer explains.
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('CHANGED OUTSIDE ZONEWALK');
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id, '--against', pkg]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `NOT EXTENDED ${path.basename(pkg)}: the workspace trail ends at event ${cut}, the package's goes on to event ${cut + 1}`,
    );
  });

  it('an event rewritten with the chain recomputed fails --against, naming that event', async () => {
    const { dir, id, pkg, events } = await packagedHistory();
    const target = events.find((e) => e.action === 'response.set')!;
    rewriteFrom(dir, id, events, target.seq, { scope: 'Intake', result: { from: null, to: 'not-met' } });
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id, '--against', pkg]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`NOT EXTENDED ${path.basename(pkg)}: event ${target.seq} differs`);
  });

  it('answers changed in the database with no event are reported as changed outside Zonewalk', async () => {
    const { dir, id } = await packagedHistory();
    sql(dir, "UPDATE response SET result = 'met', comment = '' WHERE requirement = 'SR 1.2'");
    sql(
      dir,
      "INSERT INTO response (assessment_id, scope_kind, scope_id, requirement, result, assessed_at) SELECT assessment_id, scope_kind, scope_id, 'SR 3.1', 'met', 'now' FROM response LIMIT 1",
    );
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^CHANGED OUTSIDE ZONEWALK: answer zone:.*\|SR 1\.2: result is "met" in the database, "not-met" by the trail$/,
      ),
      expect.stringMatching(
        /^CHANGED OUTSIDE ZONEWALK: answer zone:.*\|SR 1\.2: comment is "" in the database, "Shared account" by the trail$/,
      ),
      expect.stringMatching(
        /^CHANGED OUTSIDE ZONEWALK: answer zone:.*\|SR 3\.1: answer is "met" in the database, null by the trail$/,
      ),
    ]);
  });

  it("two assessments' chains swapped between them no longer verify: the id is in the genesis", async () => {
    const dir = tempDir('zonewalk-swap-');
    const s = createServices(dir);
    const a = s.assessments.create({ title: 'A' });
    const b = s.assessments.create({ title: 'B' });
    s.ws.close();
    sql(dir, "UPDATE audit_event SET assessment_id = 'swap' WHERE assessment_id = ?", a.id);
    sql(dir, 'UPDATE audit_event SET assessment_id = ? WHERE assessment_id = ?', a.id, b.id);
    sql(dir, "UPDATE audit_event SET assessment_id = ? WHERE assessment_id = 'swap'", b.id);
    const r = await cli(['--data-dir', dir, 'trail', 'verify', a.id]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^BROKEN at event 1: event 1 does not start this assessment's chain/);
  });

  it('a trail removed from the database is reported as missing, not as a mistyped id', async () => {
    const { dir, id } = await packagedHistory();
    sql(dir, 'DELETE FROM audit_event WHERE assessment_id = ?', id);
    const r = await cli(['--data-dir', dir, 'trail', 'verify', id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the audit trail of ${id} is missing`);
    expect((await cli(['--data-dir', dir, 'trail', 'verify', 'no-such-id'])).stderr).toContain(
      "check the id with 'zonewalk list'",
    );
  });

  it('zonewalk verify fails a package whose trail does not end at the signed head', async () => {
    const events: AuditEvent[] = [];
    let prev = chainGenesis('a-1', sha256Hex);
    for (const seq of [1, 2, 3]) {
      const fields = {
        seq,
        at: `2026-11-27T10:00:0${seq}Z`,
        actor: 'ana',
        action: 'x',
        entity: 'e',
        entityId: 'i',
        data: {},
      };
      const hash = eventHash(prev, fields, sha256Hex);
      events.push({ ...fields, prev, hash });
      prev = hash;
    }
    const files = (trail: AuditEvent[]) => [
      bufferFile('assessment.json', '{}'),
      bufferFile('gap-register.xlsx', 'x'),
      bufferFile('findings-report.pdf', 'x'),
      bufferFile('audit-trail.jsonl', trail.map((e) => `${JSON.stringify(e)}\n`).join('')),
    ];
    const head: [string, string][] = [['Zonewalk-Trail-Head', `3 sha256:${events[2].hash}`]];
    const trustAll = () => ({ trusted: true as const, name: 'Ana', source: 'given' as const });
    const good = await writeTestPackage(tempDir(), {
      signer: testSigner(),
      files: files(events),
      zonewalkFields: head,
    });
    expect((await verifyPackage(good.path, { trustOf: trustAll })).reasons).toEqual([]);
    const cut = await writeTestPackage(tempDir(), { files: files(events.slice(0, 2)), zonewalkFields: head });
    const r = await verifyPackage(cut.path, { trustOf: trustAll });
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual([
      `The signed trail head is event 3 (sha256:${events[2].hash}), but data/audit-trail.jsonl ends at event 2 (sha256:${events[1].hash}): the trail was shortened or rewritten.`,
    ]);
    fs.rmSync(cut.path);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AuditEvent, eventHash, GENESIS_HASH, verifyChain } from '../../src/core/audit/auditChain';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      at: `2026-11-26T08:00:0${seq}Z`,
      actor: 'ana',
      action: 'x',
      entity: 'e',
      entityId: `i${seq}`,
      data: { v: seq },
    };
    const hash = eventHash(prev, fields, sha);
    out.push({ ...fields, prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('hashes prev + canonical JSON of the other fields', () => {
    const [e] = chain(1);
    const expected = sha(
      `${GENESIS_HASH}{"action":"x","actor":"ana","at":"2026-11-26T08:00:01Z","data":{"v":1},"entity":"e","entityId":"i1","seq":1}`,
    );
    expect(e.hash).toBe(expected);
  });
  it('accepts an intact chain', () => {
    expect(verifyChain(chain(5), sha)).toMatchObject({ ok: true, count: 5 });
    expect(verifyChain([], sha)).toMatchObject({ ok: true, count: 0, head: GENESIS_HASH });
  });
  it('names the changed event', () => {
    const c = chain(5);
    c[2] = { ...c[2], data: { v: 99 } };
    expect(verifyChain(c, sha)).toMatchObject({ ok: false, brokenAt: 3 });
  });
  it('names the event after a removed one', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c, sha)).toMatchObject({ ok: false, brokenAt: 3 });
  });
  it('catches reordering even when sequence numbers are rewritten', () => {
    const c = chain(4);
    const swapped = [c[0], { ...c[2], seq: 2 }, { ...c[1], seq: 3 }, c[3]];
    expect(verifyChain(swapped, sha)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

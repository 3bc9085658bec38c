import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditEvent,
  chainGenesis,
  eventHash,
  GENESIS_HASH,
  verifyChain,
} from '../../src/core/audit/auditChain';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function chain(n: number, genesis = GENESIS_HASH): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = genesis;
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
  it('binds a scheme-2 chain to its assessment and still verifies scheme-1 trails', () => {
    const genesis = chainGenesis('a-1', sha);
    expect(genesis).toBe(sha('zonewalk.trail/2\na-1'));
    expect(verifyChain(chain(3, genesis), sha, 'a-1')).toMatchObject({ ok: true, scheme: 2 });
    expect(verifyChain(chain(3), sha, 'a-1')).toMatchObject({ ok: true, scheme: 1 });
    expect(verifyChain(chain(3, genesis), sha, 'a-2')).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain(chain(3, genesis), sha)).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain([], sha, 'a-1')).toMatchObject({ ok: true, head: genesis });
  });
});

import { describe, expect, it } from 'vitest';
import { responseKey } from '../../src/core/domain';
import {
  describeRef,
  formatLinkSpec,
  parseLinkSpec,
  parseResponseKey,
  parseScopeKey,
  refToTarget,
  targetRef,
} from '../../src/core/evidenceTargets';

describe('evidence link targets', () => {
  it('parses the command line --link syntax', () => {
    expect(parseLinkSpec('zone:z1:SR 1.1')).toEqual({
      kind: 'response',
      scope: { kind: 'zone', id: 'z1' },
      requirement: 'SR 1.1',
    });
    expect(parseLinkSpec('organisation:ORG 1.1')).toEqual({
      kind: 'response',
      scope: { kind: 'organisation' },
      requirement: 'ORG 1.1',
    });
    expect(parseLinkSpec('asset:plc-1:CR 2.1 RE 1')).toEqual({
      kind: 'response',
      scope: { kind: 'asset', id: 'plc-1' },
      requirement: 'CR 2.1 RE 1',
    });
    expect(parseLinkSpec('conduit:c1:SR 5.1')).toMatchObject({ scope: { kind: 'conduit', id: 'c1' } });
    expect(parseLinkSpec('asset:plc-1')).toEqual({ kind: 'asset', id: 'plc-1' });
    expect(parseLinkSpec('finding:f-7')).toEqual({ kind: 'finding', id: 'f-7' });
  });

  it('explains what is wrong with a bad link', () => {
    expect(parseLinkSpec('zone:z1')).toMatch(/give a requirement after zone:z1:/);
    expect(parseLinkSpec('room:1:SR 1.1')).toMatch(/unknown kind "room"/);
    expect(parseLinkSpec('zone:bad id:SR 1.1')).toMatch(/give a zone id/);
    expect(parseLinkSpec('zone:z1:SR:1')).toMatch(/cannot contain a colon/);
    expect(parseLinkSpec('organisation:')).toMatch(/give one requirement id/);
  });

  it('round-trips between targets, stored refs and the CLI form', () => {
    for (const spec of [
      'zone:z1:SR 1.1',
      'organisation:ORG 1.1',
      'asset:a1',
      'finding:f1',
      'asset:a1:CR 1.1',
    ]) {
      const target = parseLinkSpec(spec);
      if (typeof target === 'string') throw new Error(target);
      expect(formatLinkSpec(target)).toBe(spec);
      expect(refToTarget(targetRef(target))).toEqual(target);
    }
    expect(targetRef({ kind: 'response', scope: { kind: 'zone', id: 'z1' }, requirement: 'SR 1.1' }).id).toBe(
      responseKey({ kind: 'zone', id: 'z1' }, 'SR 1.1'),
    );
    expect(parseScopeKey('zone:')).toBeNull();
    expect(parseResponseKey('zone:z1')).toBeNull();
    expect(describeRef({ kind: 'response', id: 'zone:z1|SR 1.1' })).toBe('SR 1.1 (zone:z1)');
  });
});

import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/core/audit/auditChain';
import { applyRedaction, redactionLabel } from '../../src/core/redaction/profiles';
import { isIpv6, redactText } from '../../src/core/redaction/redactText';
import { redactTrail } from '../../src/core/redaction/trail';

describe('redactText', () => {
  it.each([
    ['PLC at 192.168.10.5, net 10.0.0.0/8, Modbus 10.1.2.3:502', 'PLC at [IP], net [IP], Modbus [IP]'],
    ['fe80::1%eth0 and 2001:db8::ff00:42:8329 and [::1]', '[IP]%eth0 and [IP] and [IP]'],
    ['::ffff:192.0.2.128 mapped', '[IP] mapped'],
    ['MAC 00:1A:2B:3C:4D:5E / 00-1a-2b-3c-4d-5e', 'MAC [MAC] / [MAC]'],
    [
      'S/N: 21AB-3345, serial number 12345678, Serial No. X9Y8Z7, SN 1234',
      'S/N: [serial], serial number [serial], Serial No. [serial], SN [serial]',
    ],
    ['Seriennummer 4711-0815', 'Seriennummer [serial]'],
  ])('masks %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'firmware V2.1.0.5, 1.2.3.4.5',
    'at 08:00:00 on 2026-11-26T08:00:00Z',
    'serial number missing on the label',
    'id 0f8e1d7c-5b4a-4c3d-9e2f-1a2b3c4d5e6f',
    'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'SR 1.1 RE 1 and CR 3.4',
    'Windows Server 10.0.17763.5696',
  ])('leaves %j alone', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('tells IPv6 from times and MACs', () => {
    expect(isIpv6('::')).toBe(true);
    expect(isIpv6('1:2:3:4:5:6:7:8')).toBe(true);
    expect(isIpv6('1:2:3:4:5:6:7')).toBe(false);
    expect(isIpv6('1::2::3')).toBe(false);
    expect(isIpv6('12:30:00')).toBe(false);
  });
});

const doc = () => ({
  assessment: { assessors: [{ name: 'Ana' }] },
  zones: [{ id: 'z1', description: 'Control LAN 10.10.0.0/16' }, { id: 'z2' }],
  conduits: [{ id: 'c1', zones: ['z1', 'z2'] }],
  assets: [
    { id: 'plc1', zone: 'z1', vendor: 'Siemens', firmware: 'V2.9.4', comment: 'S/N 12AB34' },
    { id: 'sw1', zone: 'z2', vendor: 'Cisco' },
  ],
  responses: [
    {
      scope: { kind: 'asset' as const, id: 'plc1' },
      requirement: 'CR 1.1',
      evidence: ['e1'],
      comment: 'reachable at 10.10.1.5',
    },
    { scope: { kind: 'asset' as const, id: 'sw1' }, requirement: 'CR 1.1', evidence: ['e2'], comment: '' },
    { scope: { kind: 'organisation' as const }, requirement: 'ORG 1.1', evidence: [], comment: '' },
  ],
  findings: [
    { id: 'f1', scope: { kind: 'asset' as const, id: 'plc1' }, evidence: [] },
    { id: 'f2', scope: null, evidence: ['e2'] },
  ],
  evidence: [
    { sha256: 'e1', description: 'screenshot of 10.0.0.9' },
    { sha256: 'e2', description: '' },
  ],
});

describe('redaction profiles', () => {
  it('none changes nothing; management masks free text but not ids and hashes', () => {
    const d = doc();
    expect(applyRedaction(d, { profile: 'none' })).toBe(d);
    const m = applyRedaction(d, { profile: 'management' });
    expect(m.zones[0]).toEqual({ id: 'z1', description: 'Control LAN [IP]' });
    expect(m.assets[0]).toMatchObject({ id: 'plc1', firmware: 'V2.9.4', comment: 'S/N [serial]' });
    expect(m.responses[0]).toMatchObject({ comment: 'reachable at [IP]', evidence: ['e1'] });
    expect(m.evidence[0]).toEqual({ sha256: 'e1', description: 'screenshot of [IP]' });
    expect(m.conduits[0].zones).toEqual(['z1', 'z2']);
    expect(redactionLabel({ profile: 'management' })).toBe('management');
  });

  it('vendor keeps one vendor assets, their zones, answers, findings and evidence only', () => {
    const v = applyRedaction(doc(), { profile: 'vendor', vendor: ' siemens ' });
    expect(v.assets.map((a) => a.id)).toEqual(['plc1']);
    expect(v.zones.map((z) => z.id)).toEqual(['z1']);
    expect(v.conduits).toEqual([]);
    expect(v.responses.map((r) => r.requirement)).toEqual(['CR 1.1']);
    expect(v.findings.map((f) => f.id)).toEqual(['f1']);
    expect(v.evidence.map((e) => e.sha256)).toEqual(['e1']);
    expect(redactionLabel({ profile: 'vendor', vendor: 'Siemens' })).toBe('vendor (Siemens)');
  });

  it('redacts trail data but keeps seq, prev and hash', () => {
    const ev = (seq: number, entity: string, entityId: string, data: Record<string, string>) => ({
      seq,
      at: 't',
      actor: 'ana',
      action: `${entity}.updated`,
      entity,
      entityId,
      data,
      prev: GENESIS_HASH,
      hash: `h${seq}`,
    });
    const events = [
      ev(1, 'assessment', 'a', { title: 'x' }),
      ev(2, 'asset', 'plc1', { ip: '10.0.0.1' }),
      ev(3, 'asset', 'sw1', { ip: '10.0.0.2' }),
    ];
    const m = redactTrail(events, { profile: 'management' }, doc());
    expect(m.map((e) => e.data)).toEqual([{ title: 'x' }, { ip: '[IP]' }, { ip: '[IP]' }]);
    expect(m.map((e) => e.hash)).toEqual(['h1', 'h2', 'h3']);
    const kept = applyRedaction(doc(), { profile: 'vendor', vendor: 'Siemens' });
    const v = redactTrail(events, { profile: 'vendor', vendor: 'Siemens' }, kept);
    expect(v.map((e) => e.data)).toEqual([{ title: 'x' }, { ip: '10.0.0.1' }, null]);
  });
});

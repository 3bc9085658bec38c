import { describe, expect, it } from 'vitest';
import type { Asset, Finding } from '../../../src/core/model';
import type { GapItem } from '../../../src/core/scoring/types';
import {
  ALL_FINDINGS,
  filterRows,
  findingRows,
} from '../../../src/renderer/screens/assessment/findings/findingRows';

const gap = (id: string, severity: GapItem['severity'], scope: GapItem['scope']): GapItem => ({
  gapId: id,
  scope,
  scopeName: 'name',
  zoneId: null,
  catalogId: 'iec-62443-3-3:2013',
  requirement: id,
  title: `Gap ${id}`,
  fr: 'FR1',
  scale: 'SL',
  requiredFrom: 1,
  target: 2,
  result: 'not-met',
  maturity: null,
  controls: [],
  comment: '',
  evidence: [],
  points: 3,
  severity,
});
const finding = (
  id: string,
  severity: Finding['severity'],
  status: Finding['status'],
  scope: Finding['scope'],
): Finding => ({
  id,
  title: `Finding ${id}`,
  requirement: null,
  scope,
  severity,
  description: 'Shared admin password on the HMI',
  recommendation: '',
  owner: 'OT team',
  due: null,
  status,
  evidence: [],
});
const assets: Asset[] = [
  {
    id: 'a1',
    name: 'PLC',
    zone: 'z1',
    componentType: 'EDR',
    vendor: '',
    model: '',
    firmware: '',
    legacy: false,
    roles: [],
    certificates: [],
    endOfLife: null,
  },
];

describe('findings table rows', () => {
  const rows = findingRows(
    [
      gap('SR 1.1', 'high', { kind: 'zone', id: 'z1' }),
      gap('CR 1.1', 'critical', { kind: 'asset', id: 'a1' }),
    ],
    [finding('f1', 'high', 'open', { kind: 'zone', id: 'z2' }), finding('f2', 'low', 'resolved', null)],
  );

  it('orders by severity, manual findings before derived gaps of the same severity', () => {
    expect(rows.map((r) => r.key)).toEqual(['g:CR 1.1', 'f:f1', 'g:SR 1.1', 'f:f2']);
  });

  it('filters by kind, severity, status, scope (a zone takes in its assets) and text', () => {
    const keys = (f: Partial<typeof ALL_FINDINGS>) =>
      filterRows(rows, { ...ALL_FINDINGS, ...f }, assets, () => 'x').map((r) => r.key);
    expect(keys({ kind: 'gap' })).toEqual(['g:CR 1.1', 'g:SR 1.1']);
    expect(keys({ severity: 'high' })).toEqual(['f:f1', 'g:SR 1.1']);
    expect(keys({ status: 'resolved' })).toEqual(['f:f2']);
    expect(keys({ status: 'open' })).toEqual(['g:CR 1.1', 'f:f1', 'g:SR 1.1']);
    expect(keys({ scope: 'zone:z1' })).toEqual(['g:CR 1.1', 'g:SR 1.1']);
    expect(keys({ scope: 'asset:a1' })).toEqual(['g:CR 1.1']);
    expect(keys({ text: 'admin password' })).toEqual(['f:f1', 'f:f2']);
    expect(keys({ text: 'cr 1.1' })).toEqual(['g:CR 1.1']);
  });
});

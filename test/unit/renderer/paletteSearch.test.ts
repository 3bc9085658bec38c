import { describe, expect, it } from 'vitest';
import {
  normaliseRequirementId,
  type PaletteEntry,
  rankEntries,
  scopeKindsFor,
} from '../../../src/renderer/screens/assessment/palette/paletteSearch';
import {
  parseScopeItem,
  sameScopePage,
  scopeItem,
} from '../../../src/renderer/screens/assessment/scopeRoutes';

describe('command palette search', () => {
  it('reads requirement ids the way people type them', () => {
    expect(normaliseRequirementId('sr1.1')).toBe('SR 1.1');
    expect(normaliseRequirementId(' SR 1.1 re1 ')).toBe('SR 1.1 RE 1');
    expect(normaliseRequirementId('edr 3.10 RE 2')).toBe('EDR 3.10 RE 2');
    expect(normaliseRequirementId('org 1.3')).toBe('ORG 1.3');
    expect(normaliseRequirementId('control zone')).toBeNull();
    expect(normaliseRequirementId('SR')).toBeNull();
  });

  it('knows where each kind of requirement is answered', () => {
    expect(scopeKindsFor('SR 1.1')).toEqual(['zone', 'conduit']);
    expect(scopeKindsFor('CR 2.1 RE 1')).toEqual(['asset']);
    expect(scopeKindsFor('NDR 1.6')).toEqual(['asset']);
    expect(scopeKindsFor('ORG 1.3')).toEqual(['organisation']);
  });

  it('matches every word, label starts first', () => {
    const e = (label: string, hint = 'Zone', keywords = ''): PaletteEntry => ({
      id: label,
      label,
      hint,
      keywords,
      run: () => {},
    });
    const entries = [
      e('Safety zone'),
      e('Control zone'),
      e('PLC-1', 'Asset in Control zone', 'Siemens EDR'),
      e('Add zone', 'Command'),
    ];
    expect(rankEntries(entries, 'control').map((x) => x.label)).toEqual(['Control zone', 'PLC-1']);
    expect(rankEntries(entries, 'zone')[0].label).toBe('Safety zone');
    expect(rankEntries(entries, 'siemens edr').map((x) => x.label)).toEqual(['PLC-1']);
    expect(rankEntries(entries, '')).toHaveLength(4);
  });
});

describe('scope page addresses', () => {
  it('round-trips a scope with and without the open requirement', () => {
    expect(scopeItem({ kind: 'zone', id: 'z1' })).toBe('zone:z1');
    expect(scopeItem({ kind: 'asset', id: 'a-1' }, 'CR 1.1 RE 1')).toBe('asset:a-1|CR 1.1 RE 1');
    expect(parseScopeItem('asset:a-1|CR 1.1 RE 1')).toEqual({
      scope: { kind: 'asset', id: 'a-1' },
      requirement: 'CR 1.1 RE 1',
    });
    expect(parseScopeItem('organisation|ORG 1.1')).toEqual({
      scope: { kind: 'organisation' },
      requirement: 'ORG 1.1',
    });
    expect(parseScopeItem('conduit:c1')).toEqual({
      scope: { kind: 'conduit', id: 'c1' },
      requirement: undefined,
    });
    expect(parseScopeItem('new:zone')).toBeNull();
    expect(parseScopeItem(undefined)).toBeNull();
  });
});

describe('same scope page', () => {
  it('ignores the open requirement, not the scope, section or assessment', () => {
    const base = '#/a/a1/zones/zone%3Az1';
    expect(sameScopePage(base, '#/a/a1/zones/zone%3Az1%7CSR%201.1')).toBe(true);
    expect(sameScopePage('#/a/a1/zones/zone:z1|SR 2.1', '#/a/a1/zones/zone%3Az1%7CSR%201.1')).toBe(true);
    expect(sameScopePage(base, '#/a/a1/zones/zone%3Az2')).toBe(false);
    expect(sameScopePage(base, '#/a/a1/overview')).toBe(false);
    expect(sameScopePage(base, '#/a/a2/zones/zone%3Az1')).toBe(false);
    expect(sameScopePage('#/a/a1/organisation', '#/a/a1/organisation/organisation%7CORG%201.1')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isChecklistItem } from '../../src/core/catalog/types';
import { catalog } from '../helpers/catalogs';

// The edition-2 catalog fields against the rules in the shared domain.md ("Rules, edition 2"),
// each list written out here again so a slip in the catalog files shows.

const cat33 = catalog('3-3');
const cat42 = catalog('4-2');
const ids33 = new Set(cat33.requirements.map((r) => r.id));
const items42 = cat42.requirements.filter(isChecklistItem);

/** domain.md "Applicability", conduit: these SRs with all their REs, plus two single REs. */
const CONDUIT_SRS = [
  '1.2',
  '1.8',
  '1.9',
  '1.13',
  '2.6',
  '2.8',
  '3.1',
  '3.8',
  '4.1',
  '4.3',
  '5.1',
  '5.2',
  '5.3',
  '6.1',
  '6.2',
  '7.1',
  '7.6',
  '7.7',
];
const CONDUIT_SINGLE_ITEMS = ['SR 1.1 RE 2', 'SR 3.2 RE 1'];

describe('3-3 conduit items', () => {
  it('marks exactly the SRs of the conduit list, all their REs, and SR 1.1 RE 2 and SR 3.2 RE 1', () => {
    const expected = cat33.requirements
      .filter(
        (r) =>
          CONDUIT_SINGLE_ITEMS.includes(r.id) ||
          CONDUIT_SRS.some((n) => r.id === `SR ${n}` || r.id.startsWith(`SR ${n} RE `)),
      )
      .map((r) => r.id);
    expect(expected.length).toBe(41);
    expect(cat33.requirements.filter((r) => r.conduit === true).map((r) => r.id)).toEqual(expected);
    expect(cat33.requirements.every((r) => r.conduit === true || r.conduit === undefined)).toBe(true);
  });

  it('gives every conduit item its own conduit guidance, and no other item any', () => {
    const seen = new Set<string>();
    for (const r of cat33.requirements) {
      if (!r.conduit) {
        expect(r.conduitGuidance, r.id).toBeUndefined();
        continue;
      }
      const text = r.conduitGuidance ?? '';
      expect(text.length, r.id).toBeGreaterThanOrEqual(100);
      expect(text, r.id).not.toBe(r.guidance);
      expect(text.toLowerCase(), r.id).toMatch(/conduit|link|boundary|gateway|tunnel/);
      expect(seen.has(text), r.id).toBe(false);
      seen.add(text);
    }
  });
});

describe('4-2 applicability conditions', () => {
  it('conditions exactly CR 2.2, NDR 1.6 (+RE 1), NDR 5.2 (+RE 1-3), NDR 5.3 and NDR 1.13 (+RE 1)', () => {
    const conditions = Object.fromEntries(
      cat42.requirements.filter((r) => r.condition !== undefined).map((r) => [r.id, r.condition]),
    );
    expect(conditions).toEqual({
      'CR 2.2': 'wireless',
      'NDR 1.6': 'wireless',
      'NDR 1.6 RE 1': 'wireless',
      'NDR 1.13': 'untrustedAccess',
      'NDR 1.13 RE 1': 'untrustedAccess',
      'NDR 5.2': 'zoneBoundary',
      'NDR 5.2 RE 1': 'zoneBoundary',
      'NDR 5.2 RE 2': 'zoneBoundary',
      'NDR 5.2 RE 3': 'zoneBoundary',
      'NDR 5.3': 'zoneBoundary',
    });
  });

  it('puts zoneBoundary and untrustedAccess only on network device items', () => {
    for (const r of cat42.requirements.filter((x) => x.condition && x.condition !== 'wireless'))
      expect(r.componentTypes, r.id).toEqual(['NDR']);
  });

  it('conditions nothing in 3-3 or 2-1', () => {
    for (const r of [...cat33.requirements, ...catalog('2-1').requirements])
      expect(r.condition, r.id).toBeUndefined();
  });
});

/** domain.md "Levels": the 3-3 counterpart of a 4-2 item, written independently of the catalog. */
function expectedCounterpart(id: string): string | null {
  const exceptions: Record<string, string | null> = {
    'CR 3.3 RE 1': 'SR 3.3 RE 2',
    'CR 3.4 RE 1': 'SR 3.4',
    'CR 3.4 RE 2': 'SR 3.4 RE 1',
    'HDR 3.2 RE 1': null,
    'CR 4.2 RE 2': null,
  };
  if (id in exceptions) return exceptions[id];
  const m = /^(CR|SAR|EDR|HDR|NDR) (\d+)\.(\d+)((?: RE \d+)?)$/.exec(id);
  if (!m) throw new Error(`not a 4-2 id: ${id}`);
  const [, prefix, major, minor, enhancement] = m;
  const numbers = `${major}.${minor}`;
  if (prefix === 'CR' && numbers === '1.14') return null;
  const deviceOnly = ['2.13', '3.10', '3.11', '3.12', '3.13', '3.14'];
  if (['EDR', 'HDR', 'NDR'].includes(prefix) && deviceOnly.includes(numbers)) return null;
  const same = `SR ${numbers}${enhancement}`;
  return ids33.has(same) ? same : null;
}

describe('4-2 counterparts', () => {
  it('gives every answerable 4-2 item the counterpart of the rule', () => {
    for (const r of items42) expect(r.counterpart, r.id).toBe(expectedCounterpart(r.id));
  });

  it('names only requirements that exist in the 3-3 catalog', () => {
    for (const r of items42)
      if (r.counterpart !== null) expect(ids33.has(r.counterpart ?? ''), r.id).toBe(true);
  });

  it("follows domain.md's examples and its listed exceptions", () => {
    const of = (id: string) => items42.find((r) => r.id === id)?.counterpart;
    expect(of('CR 2.12')).toBe('SR 2.12');
    expect(of('NDR 5.2 RE 1')).toBe('SR 5.2 RE 1');
    expect(of('CR 3.3 RE 1')).toBe('SR 3.3 RE 2');
    expect(of('CR 3.4 RE 1')).toBe('SR 3.4');
    expect(of('CR 3.4 RE 2')).toBe('SR 3.4 RE 1');
    expect(of('HDR 3.2 RE 1')).toBeNull();
    expect(of('EDR 3.14')).toBeNull();
    expect(of('CR 1.14 RE 1')).toBeNull();
  });

  it('leaves placeholders and the other catalogs without a counterpart', () => {
    for (const r of cat42.requirements.filter((x) => !isChecklistItem(x)))
      expect(r.counterpart, r.id).toBeUndefined();
    for (const r of cat33.requirements) expect(r.counterpart, r.id).toBeUndefined();
  });
});

describe.each(['2-1', '3-3', '4-2'] as const)('IEC 62443-%s impact tags', (part) => {
  const c = catalog(part);
  const items = c.requirements.filter(isChecklistItem);

  it('gives every answerable item an impact and a one-line reason', () => {
    for (const r of items) {
      expect(['high', 'medium', 'low'], r.id).toContain(r.impact);
      const reason = r.impactReason ?? '';
      expect(reason.length, r.id).toBeGreaterThanOrEqual(20);
      expect(reason, r.id).not.toMatch(/\n/);
    }
    for (const r of c.requirements.filter((x) => !isChecklistItem(x))) expect(r.impact, r.id).toBeUndefined();
  });

  it('spreads the impacts: each level used, high for at most a third of the items', () => {
    const count = (level: string) => items.filter((r) => r.impact === level).length;
    for (const level of ['high', 'medium', 'low'])
      expect(count(level), level).toBeGreaterThan(items.length / 10);
    expect(count('high')).toBeLessThanOrEqual(items.length / 3);
  });
});

describe('impact anchors a lead auditor would defend', () => {
  const impactOf = (part: '2-1' | '3-3' | '4-2', id: string) =>
    catalog(part).requirements.find((r) => r.id === id)?.impact;

  it.each([
    ['3-3', 'SR 5.2 RE 1', 'high'],
    ['3-3', 'SR 5.2', 'high'],
    ['3-3', 'SR 5.1', 'high'],
    ['3-3', 'SR 1.1', 'high'],
    ['3-3', 'SR 1.13', 'high'],
    ['3-3', 'SR 3.2', 'high'],
    ['3-3', 'SR 7.3', 'high'],
    ['3-3', 'SR 7.4', 'high'],
    ['3-3', 'SR 1.12', 'low'],
    ['4-2', 'CR 1.12', 'low'],
    ['4-2', 'CR 1.1', 'high'],
    ['4-2', 'NDR 5.2 RE 1', 'high'],
    ['4-2', 'EDR 3.2', 'high'],
    ['4-2', 'CR 7.3', 'high'],
    ['2-1', 'USER 1.13', 'low'],
    ['2-1', 'NET 1.1', 'high'],
    ['2-1', 'AVAIL 2.1', 'high'],
    ['2-1', 'COMP 2.2', 'high'],
    ['2-1', 'NET 3.2', 'high'],
  ] as const)('%s %s is %s', (part, id, level) => {
    expect(impactOf(part, id)).toBe(level);
  });
});

describe.each(['2-1', '3-3', '4-2'] as const)('IEC 62443-%s recommendations', (part) => {
  const items = catalog(part).requirements.filter(isChecklistItem);

  it('gives every answerable item its own concrete recommendation, never a restated requirement', () => {
    const seen = new Map<string, string>();
    for (const r of items) {
      const text = r.recommendation ?? '';
      expect(text.length, r.id).toBeGreaterThanOrEqual(60);
      expect(text, r.id).not.toMatch(/implement (this|the) requirement|comply with|meet the requirement/i);
      expect(seen.get(text), r.id).toBeUndefined();
      seen.set(text, r.id);
    }
  });
});

describe('recommendations say how to check the result', () => {
  it.each(['3-3', '4-2'] as const)('IEC 62443-%s: how the plant verifies the fix', (part) => {
    for (const r of catalog(part).requirements.filter(isChecklistItem))
      expect(r.recommendation, r.id).toMatch(/\bVerify\b/);
  });

  it('IEC 62443-2-1: the programme and the maturity it reaches', () => {
    for (const r of catalog('2-1').requirements.filter(isChecklistItem))
      expect(r.recommendation, r.id).toMatch(/\bML[1-4]\b/);
  });
});

describe('4-2 recommendations per component type', () => {
  const withTypes = items42.filter((r) => r.recommendationByType);

  it('words the common requirements whose action differs per type, for its own types only', () => {
    expect(withTypes.length).toBeGreaterThanOrEqual(15);
    for (const r of withTypes) {
      expect(r.kind === 'CR' || r.componentTypes.length === 4, r.id).toBe(true);
      for (const [type, text] of Object.entries(r.recommendationByType ?? {})) {
        expect(r.componentTypes, `${r.id} ${type}`).toContain(type);
        expect(text, `${r.id} ${type}`).not.toBe(r.recommendation);
        expect(text.length, `${r.id} ${type}`).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('does not ask a software application for a TPM (CR 1.5 RE 1)', () => {
    const r = items42.find((x) => x.id === 'CR 1.5 RE 1');
    expect(r?.recommendationByType?.SAR).toBeDefined();
    expect(r?.recommendationByType?.HDR).toMatch(/TPM/);
    expect(r?.recommendationByType?.SAR).not.toMatch(/enable the .*TPM/i);
  });

  it('leaves 3-3 and 2-1 without per-type wording', () => {
    for (const r of [...cat33.requirements, ...catalog('2-1').requirements])
      expect(r.recommendationByType, r.id).toBeUndefined();
  });
});

describe.each(['2-1', '3-3', '4-2'] as const)('IEC 62443-%s notes for the auditor', (part) => {
  const requirements = catalog(part).requirements;

  it('names the disputed value of every note, and has no disputed value without a note', () => {
    for (const r of requirements) {
      expect(r.note === undefined, r.id).toBe(r.disputed === undefined);
      if (r.disputed === 'title') expect(r.note, r.id).toMatch(/title|wording/i);
      if (r.disputed === 'sl') expect(r.note, r.id).toMatch(/SL[1-4]/);
    }
  });

  it('writes notes as sentences an auditor can use: no source keys, no guesses about sources', () => {
    const sourceKey =
      /\b(A'|A|B|C|W1|W2)( says| and| \(|'s|,)|probably wrong|SINGLE SOURCE|DISPUTED|did not capture/;
    for (const r of requirements.filter((x) => x.note)) {
      expect(r.note, r.id).not.toMatch(sourceKey);
      expect(r.note, r.id).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('guidance fixed where it described another requirement', () => {
  const find = (part: '3-3' | '4-2', id: string) => catalog(part).requirements.find((r) => r.id === id);

  it('SR 2.1 RE 3 is about a supervisor overriding user authorisations, not bypassing interlocks', () => {
    const r = find('3-3', 'SR 2.1 RE 3');
    expect(r?.guidance).not.toMatch(/interlock/i);
    expect(r?.guidance).toMatch(/overrid/);
  });

  it('SR 2.2 RE 1 finds unauthorised wireless devices, and does not place detection on the controllers', () => {
    const r = find('3-3', 'SR 2.2 RE 1');
    expect(r?.guidance).not.toMatch(/on the controllers/i);
    expect(r?.guidance).toMatch(/rogue/);
  });

  it('CR 1.5 RE 1 asks a question a software application can answer, not only about a TPM', () => {
    const r = find('4-2', 'CR 1.5 RE 1');
    for (const q of r?.questions ?? []) expect(q, q).not.toMatch(/^Does this asset contain a TPM/);
    expect(r?.guidance).toMatch(/software application/);
  });
});

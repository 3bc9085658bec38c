import { describe, expect, it } from 'vitest';
import { catalogStructureProblems } from '../../src/core/catalog/structure';
import { type CatalogPart, isChecklistItem, requiredFrom } from '../../src/core/catalog/types';
import { COMPONENT_TYPES, FRS, SPE_NAMES, SPES } from '../../src/core/domain';
import { catalog, reference } from '../helpers/catalogs';

const PARTS: CatalogPart[] = ['2-1', '3-3', '4-2'];
const countBy = <T>(items: T[], key: (t: T) => string | undefined) => {
  const out: Record<string, number> = {};
  for (const t of items) {
    const k = key(t);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

describe.each(PARTS)('catalog IEC 62443-%s: structure', (part) => {
  const c = catalog(part);
  const byId = new Map(c.requirements.map((r) => [r.id, r]));

  it('keeps every structure rule', () => {
    expect(catalogStructureProblems(c)).toEqual([]);
  });

  it('has unique ids', () => {
    expect(byId.size).toBe(c.requirements.length);
  });

  it('names only parents that exist, listed before their children, in the same FR or SPE', () => {
    const seen = new Set<string>();
    for (const r of c.requirements) {
      if (r.parent !== null) {
        expect(seen.has(r.parent), `${r.id} -> ${r.parent}`).toBe(true);
        expect(byId.get(r.parent)?.fr, r.id).toBe(r.fr);
      }
      seen.add(r.id);
    }
  });

  it('writes enhancement ids as their parent plus RE n', () => {
    for (const r of c.requirements.filter((x) => x.kind === 'RE'))
      expect(r.id, r.id).toMatch(new RegExp(`^${r.parent?.replace('.', '\\.')} RE \\d+$`));
  });

  it('never requires an enhancement at a level its parent is not required at', () => {
    for (const r of c.requirements.filter((x) => x.kind === 'RE')) {
      const parent = byId.get(r.parent ?? '');
      expect(parent, r.id).toBeDefined();
      for (const l of r.sl) expect(parent?.sl, `${r.id} at SL${l}`).toContain(l);
    }
  });

  it('lists levels cumulatively: required from some level up to 4', () => {
    for (const r of c.requirements.filter((x) => x.sl.length > 0)) {
      const from = requiredFrom(r);
      expect(r.sl, r.id).toEqual([1, 2, 3, 4].filter((l) => l >= from));
    }
  });

  it('gives every checklist item guidance, 1-3 questions and evidence hints', () => {
    const items = c.requirements.filter(isChecklistItem);
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) {
      expect(r.guidance.trim().length, r.id).toBeGreaterThanOrEqual(200);
      expect(r.questions.length, r.id).toBeGreaterThanOrEqual(1);
      expect(r.questions.length, r.id).toBeLessThanOrEqual(3);
      expect(r.evidence.length, r.id).toBeGreaterThanOrEqual(1);
      for (const q of [...r.questions, ...r.evidence]) expect(q.length, r.id).toBeGreaterThanOrEqual(12);
    }
  });

  it('never makes a placeholder or element group a checklist item or requires it at a level', () => {
    const headings = c.requirements.filter((r) => r.kind === 'CR-placeholder' || r.kind === 'element-group');
    for (const r of headings) {
      expect(isChecklistItem(r), r.id).toBe(false);
      expect(r.sl, r.id).toEqual([]);
      expect(r.componentTypes, r.id).toEqual([]);
    }
  });
});

describe('no copy-paste filler across the three catalogs', () => {
  const all = PARTS.flatMap((p) => catalog(p).requirements.map((r) => ({ ...r, part: p })));
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

  it('no two requirements share guidance text', () => {
    const seen = new Map<string, string>();
    for (const r of all.filter((x) => x.guidance.trim())) {
      const key = norm(r.guidance);
      expect(seen.get(key), `${r.part} ${r.id}`).toBeUndefined();
      seen.set(key, `${r.part} ${r.id}`);
    }
    expect(seen.size).toBe(all.filter((x) => x.guidance.trim()).length);
  });

  it('no two requirements share a question', () => {
    const questions = all.flatMap((r) => r.questions.map(norm));
    expect(new Set(questions).size).toBe(questions.length);
  });
});

describe('IEC 62443-3-3 equals the reference', () => {
  const c = catalog('3-3');
  const ref = reference.iec62443_3_3;
  const counts = reference.meta.iec62443_3_3.counts as Record<string, Record<string, number> | number>;

  it('has every id, title, kind, FR, parent and level of the reference, in its order', () => {
    expect(
      c.requirements.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        fr: r.fr,
        parent: r.parent,
        sl: r.sl,
      })),
    ).toEqual(
      ref.map((r) => ({ id: r.id, title: r.title, kind: r.kind, fr: r.fr, parent: r.parent, sl: r.sl })),
    );
  });

  it('has 51 SRs and 49 REs, per FR as the reference counts them', () => {
    const srs = c.requirements.filter((r) => r.kind === 'SR');
    const res = c.requirements.filter((r) => r.kind === 'RE');
    expect(srs.length).toBe(counts.SR);
    expect(res.length).toBe(counts.RE);
    expect(countBy(srs, (r) => r.fr)).toEqual(counts.SR_per_FR);
    expect(countBy(res, (r) => r.fr)).toEqual(counts.RE_per_FR);
    expect(Object.keys(countBy(c.requirements, (r) => r.fr))).toEqual([...FRS]);
  });

  it('requires as many SRs and REs at each SL as the reference', () => {
    for (const [kind, key] of [
      ['SR', 'SR_required_at'],
      ['RE', 'RE_required_at'],
    ] as const) {
      const atLevel = Object.fromEntries(
        [1, 2, 3, 4].map((l) => [
          `SL${l}`,
          c.requirements.filter((r) => r.kind === kind && r.sl.includes(l)).length,
        ]),
      );
      expect(atLevel, kind).toEqual(counts[key]);
    }
  });

  it('has no component types (a system checklist)', () => {
    expect(c.requirements.every((r) => r.componentTypes.length === 0)).toBe(true);
  });
});

describe('IEC 62443-4-2 equals the reference', () => {
  const c = catalog('4-2');
  const ref = reference.iec62443_4_2;
  const counts = reference.meta.iec62443_4_2.counts;

  it('has every id, title, kind, FR, parent, level and component type of the reference, in its order', () => {
    expect(
      c.requirements.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        fr: r.fr,
        parent: r.parent,
        sl: r.sl,
        componentTypes: r.componentTypes,
      })),
    ).toEqual(
      ref.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        fr: r.fr,
        parent: r.parent,
        sl: r.sl,
        componentTypes: r.component_types,
      })),
    );
  });

  it('has the reference counts of CRs, placeholders, component-specific requirements and REs', () => {
    const kinds = countBy(c.requirements, (r) => r.kind);
    expect(kinds).toEqual({
      CR: counts.CR_common_with_requirement,
      'CR-placeholder': counts.CR_placeholders,
      SAR: counts.SAR,
      EDR: counts.EDR,
      HDR: counts.HDR,
      NDR: counts.NDR,
      RE: counts.RE_total,
    });
    expect(kinds.CR + kinds['CR-placeholder']).toBe(counts.CR_clauses_total);
    const kindOf = new Map(c.requirements.map((r) => [r.id, r.kind]));
    const res = c.requirements.filter((r) => r.kind === 'RE');
    expect(res.filter((r) => kindOf.get(r.parent ?? '') === 'CR').length).toBe(counts.RE_on_common_CRs);
    expect(res.filter((r) => kindOf.get(r.parent ?? '') !== 'CR').length).toBe(counts.RE_on_device_specific);
  });

  it('counts per FR and per component type equal the reference', () => {
    expect(countBy(c.requirements, (r) => r.fr)).toEqual(countBy(ref, (r) => r.fr));
    for (const t of COMPONENT_TYPES) {
      const mine = c.requirements.filter((r) => r.componentTypes.includes(t));
      const theirs = ref.filter((r) => r.component_types?.includes(t));
      expect(mine.length, t).toBe(theirs.length);
      expect(
        countBy(mine, (r) => r.fr),
        t,
      ).toEqual(countBy(theirs, (r) => r.fr));
    }
  });

  it('gives common CRs all four component types and type-specific ones only their own', () => {
    for (const r of c.requirements) {
      if (r.kind === 'CR') expect(r.componentTypes, r.id).toEqual([...COMPONENT_TYPES]);
      if (r.kind === 'SAR' || r.kind === 'EDR' || r.kind === 'HDR' || r.kind === 'NDR') {
        expect(r.componentTypes, r.id).toEqual([r.kind]);
        expect(r.id.startsWith(r.kind), r.id).toBe(true);
      }
      if (r.kind === 'RE') {
        const parent = c.requirements.find((p) => p.id === r.parent);
        expect(
          r.componentTypes.every((t) => parent?.componentTypes.includes(t)),
          r.id,
        ).toBe(true);
      }
    }
  });
});

describe('IEC 62443-2-1:2024 equals the reference', () => {
  const c = catalog('2-1');
  const ref = reference.other_parts.iec62443_2_1_2024;
  const speOf = (label: string) => {
    const m = /^SPE (\d) - (.+)$/.exec(label);
    if (!m) throw new Error(`unexpected SPE label ${label}`);
    const spe = SPES[Number(m[1]) - 1];
    expect(SPE_NAMES[spe]).toBe(m[2]);
    return spe;
  };

  it('has every id, title, SPE, kind and parent of the reference, in its order', () => {
    expect(
      c.requirements.map((r) => ({ id: r.id, title: r.title, spe: r.fr, kind: r.kind, parent: r.parent })),
    ).toEqual(
      ref.map((r) => ({
        id: r.id,
        title: r.title,
        spe: speOf(r.spe),
        kind: r.kind === 'element group' ? 'element-group' : 'requirement',
        parent: r.parent ?? null,
      })),
    );
  });

  it('has 87 requirements in 16 element groups over the 8 SPEs, as many per SPE as the reference', () => {
    const reqs = c.requirements.filter((r) => r.kind === 'requirement');
    expect(reqs.length).toBe(87);
    expect(c.requirements.filter((r) => r.kind === 'element-group').length).toBe(16);
    expect(Object.keys(countBy(c.requirements, (r) => r.fr))).toEqual([...SPES]);
    expect(countBy(reqs, (r) => r.fr)).toEqual(
      countBy(
        ref.filter((r) => r.kind === 'requirement'),
        (r) => speOf(r.spe),
      ),
    );
  });

  it('is rated on maturity levels, so no requirement carries a security level', () => {
    expect(c.scale).toBe('ML');
    expect(c.requirements.every((r) => r.sl.length === 0)).toBe(true);
    expect(c.requirements.filter((r) => r.kind === 'requirement').every((r) => r.parent !== null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ApplicabilityScope,
  applicableRequirements,
  catalogPartFor,
  inScope,
  isRequiredAt,
} from '../../src/core/catalog/applicability';
import {
  COMPONENT_TYPES,
  type ComponentType,
  FRS,
  type SecurityLevel,
  type SlVector,
  uniformSl,
} from '../../src/core/domain';
import { catalog, reference } from '../helpers/catalogs';

// The oracle is the reference fixture, not the catalog code: an item applies at target t for its FR
// exactly when its reference level list contains t (levels are cumulative).
const LEVELS: SecurityLevel[] = [0, 1, 2, 3, 4];
const c33 = catalog('3-3');
const c42 = catalog('4-2');
const c21 = catalog('2-1');
const zone: ApplicabilityScope = { kind: 'zone' };
// Every role, so the conditional items apply and the reference's unconditional lists hold.
const asset = (componentType: ComponentType): ApplicabilityScope => ({
  kind: 'asset',
  componentType,
  roles: ['zoneBoundary', 'wireless', 'untrustedAccess'],
});
const conduitItem = new Set(c33.requirements.filter((r) => r.conduit === true).map((r) => r.id));
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

function expected33(v: SlVector): string[] {
  return reference.iec62443_3_3.filter((r) => r.sl.includes(v[r.fr as keyof SlVector])).map((r) => r.id);
}
function expected42(v: SlVector, t: ComponentType): string[] {
  return reference.iec62443_4_2
    .filter((r) => r.kind !== 'CR-placeholder' && r.component_types?.includes(t))
    .filter((r) => r.sl.includes(v[r.fr as keyof SlVector]))
    .map((r) => r.id);
}
const only = (fr: (typeof FRS)[number], level: SecurityLevel): SlVector => ({ ...uniformSl(0), [fr]: level });

describe('which catalog a scope uses', () => {
  it('organisation -> 2-1, zone and conduit -> 3-3, asset -> 4-2', () => {
    expect(catalogPartFor('organisation')).toBe('2-1');
    expect(catalogPartFor('zone')).toBe('3-3');
    expect(catalogPartFor('conduit')).toBe('3-3');
    expect(catalogPartFor('asset')).toBe('4-2');
  });

  it('refuses to judge a scope against the wrong catalog instead of returning a wrong checklist', () => {
    expect(() => applicableRequirements(c42, zone, uniformSl(2))).toThrow(
      /zone is assessed against 62443-3-3/,
    );
    expect(() => applicableRequirements(c33, asset('NDR'), uniformSl(2))).toThrow(/62443-4-2/);
    expect(() => applicableRequirements(c33, { kind: 'organisation' }, null)).toThrow(/62443-2-1/);
  });
});

describe('62443-3-3 for zones and conduits', () => {
  it('requires nothing at SL 0 and as many SRs and REs at each uniform SL as the reference counts', () => {
    expect(applicableRequirements(c33, zone, uniformSl(0))).toEqual([]);
    const counts = reference.meta.iec62443_3_3.counts as Record<string, Record<string, number>>;
    for (const l of [1, 2, 3, 4] as const) {
      const got = applicableRequirements(c33, zone, uniformSl(l));
      expect(got.filter((r) => r.kind === 'SR').length, `SL${l}`).toBe(counts.SR_required_at[`SL${l}`]);
      expect(got.filter((r) => r.kind === 'RE').length, `SL${l}`).toBe(counts.RE_required_at[`SL${l}`]);
    }
  });

  it.each(FRS.flatMap((fr) => LEVELS.map((l) => [fr, l] as const)))(
    'at %s = SL %i (all other FRs 0) lists exactly that FR’s items required at that level',
    (fr, l) => {
      const got = applicableRequirements(c33, zone, only(fr, l));
      expect(ids(got)).toEqual(expected33(only(fr, l)));
      expect(got.every((r) => r.fr === fr)).toBe(true);
      if (l === 0) expect(got).toEqual([]);
    },
  );

  it.each([
    [[2, 2, 2, 1, 3, 1, 2]],
    [[4, 0, 1, 3, 2, 4, 0]],
    [[1, 3, 4, 0, 1, 2, 3]],
    [[3, 1, 0, 4, 4, 0, 1]],
  ])('follows a mixed SL-T vector %j per FR', (levels) => {
    const v = Object.fromEntries(FRS.map((fr, i) => [fr, levels[i]])) as SlVector;
    expect(ids(applicableRequirements(c33, zone, v))).toEqual(expected33(v));
    expect(ids(applicableRequirements(c33, { kind: 'conduit' }, v))).toEqual(
      expected33(v).filter((id) => conduitItem.has(id)),
    );
  });

  it('includes every item from its lowest level on and never one level below (each boundary)', () => {
    for (const r of c33.requirements) {
      const from = Math.min(...r.sl);
      for (const t of LEVELS) {
        const got = ids(applicableRequirements(c33, zone, uniformSl(t))).includes(r.id);
        expect(got, `${r.id} at SL${t}`).toBe(t >= from);
      }
    }
  });

  it('leaves an enhancement above the target out while its SR is in', () => {
    const at2 = ids(applicableRequirements(c33, zone, uniformSl(2)));
    expect(at2).toEqual(expect.arrayContaining(['SR 1.1', 'SR 1.1 RE 1']));
    expect(at2).not.toContain('SR 1.1 RE 2');
    expect(at2).not.toContain('SR 1.1 RE 3');
    const at3 = ids(applicableRequirements(c33, zone, uniformSl(3)));
    expect(at3).toEqual(expect.arrayContaining(['SR 1.1 RE 1', 'SR 1.1 RE 2']));
    expect(at3).not.toContain('SR 1.1 RE 3');
    expect(ids(applicableRequirements(c33, zone, uniformSl(4)))).toContain('SR 1.1 RE 3');
  });

  it('with aboveTarget lists the whole checklist in catalog order, and isRequiredAt tells which are at target', () => {
    const all = applicableRequirements(c33, zone, uniformSl(1), { aboveTarget: true });
    expect(ids(all)).toEqual(ids(c33.requirements));
    const atTarget = all.filter((r) => isRequiredAt(r, uniformSl(1)));
    expect(ids(atTarget)).toEqual(expected33(uniformSl(1)));
    expect(applicableRequirements(c33, zone, uniformSl(4), { aboveTarget: true })).toHaveLength(100);
  });

  it('requires nothing without a target, unless asked for everything above it', () => {
    expect(applicableRequirements(c33, zone, null)).toEqual([]);
    expect(applicableRequirements(c33, zone, null, { aboveTarget: true })).toHaveLength(100);
  });
});

describe('62443-4-2 for assets, by component type', () => {
  it.each(COMPONENT_TYPES.flatMap((t) => LEVELS.map((l) => [t, l] as const)))(
    '%s at uniform SL %i lists the common CRs and its own requirements, no placeholders',
    (t, l) => {
      const got = applicableRequirements(c42, asset(t), uniformSl(l));
      expect(ids(got)).toEqual(expected42(uniformSl(l), t));
      expect(got.some((r) => r.kind === 'CR-placeholder')).toBe(false);
      const others = COMPONENT_TYPES.filter((x) => x !== t);
      expect(got.some((r) => others.some((o) => r.id.startsWith(`${o} `)))).toBe(false);
      if (l === 0) expect(got).toEqual([]);
    },
  );

  it.each(COMPONENT_TYPES)('%s follows a mixed SL-T vector per FR', (t) => {
    const v: SlVector = { FR1: 2, FR2: 1, FR3: 3, FR4: 0, FR5: 2, FR6: 4, FR7: 1 };
    expect(ids(applicableRequirements(c42, asset(t), v))).toEqual(expected42(v, t));
  });

  it('counts per component type at SL 4 equal the reference (43 CRs, their REs, the type’s own items)', () => {
    const perType = Object.fromEntries(
      COMPONENT_TYPES.map((t) => [t, applicableRequirements(c42, asset(t), uniformSl(4)).length]),
    );
    const refPerType = Object.fromEntries(
      COMPONENT_TYPES.map((t) => [t, expected42(uniformSl(4), t).length]),
    );
    expect(perType).toEqual(refPerType);
    expect(
      applicableRequirements(c42, asset('NDR'), uniformSl(4)).filter((r) => r.kind === 'CR'),
    ).toHaveLength(43);
  });

  it('never lists a placeholder, whatever the type, level or aboveTarget', () => {
    for (const t of COMPONENT_TYPES)
      for (const aboveTarget of [false, true])
        for (const l of LEVELS) {
          const got = applicableRequirements(c42, asset(t), uniformSl(l), { aboveTarget });
          expect(
            got.filter((r) => r.kind === 'CR-placeholder'),
            `${t} SL${l}`,
          ).toEqual([]);
        }
    expect(c42.requirements.filter((r) => r.kind === 'CR-placeholder' && inScope(r, asset('NDR')))).toEqual(
      [],
    );
  });

  it('network device at SL 2 shows NDR 1.6 and NDR 5.2 RE 1 but not NDR 5.2 RE 2 (acceptance case)', () => {
    const got = ids(applicableRequirements(c42, asset('NDR'), uniformSl(2)));
    expect(got).toEqual(expect.arrayContaining(['NDR 1.6', 'NDR 1.6 RE 1', 'NDR 5.2', 'NDR 5.2 RE 1']));
    expect(got).not.toContain('NDR 5.2 RE 2');
    expect(got).not.toContain('CR 1.6');
    expect(got).not.toContain('EDR 3.10');
    expect(ids(applicableRequirements(c42, asset('NDR'), uniformSl(3)))).toContain('NDR 5.2 RE 2');
  });

  it('asks conditional items only of an asset with their role (domain.md "Applicability")', () => {
    const bare = ids(applicableRequirements(c42, { kind: 'asset', componentType: 'NDR' }, uniformSl(4)));
    for (const id of ['NDR 1.6', 'NDR 1.6 RE 1', 'NDR 5.2', 'NDR 5.2 RE 1', 'NDR 5.3', 'NDR 1.13', 'CR 2.2'])
      expect(bare).not.toContain(id);
    const boundary = ids(
      applicableRequirements(
        c42,
        { kind: 'asset', componentType: 'NDR', roles: ['zoneBoundary'] },
        uniformSl(4),
      ),
    );
    expect(boundary).toEqual(expect.arrayContaining(['NDR 5.2', 'NDR 5.2 RE 1', 'NDR 5.3']));
    expect(boundary).not.toContain('NDR 1.6');
    const wireless = ids(
      applicableRequirements(c42, { kind: 'asset', componentType: 'EDR', roles: ['wireless'] }, uniformSl(4)),
    );
    expect(wireless).toContain('CR 2.2');
  });

  it('asks a conduit only the 3-3 items the catalog marks for conduits', () => {
    const got = ids(applicableRequirements(c33, { kind: 'conduit' }, uniformSl(4)));
    expect(got).toEqual(expect.arrayContaining(['SR 1.1 RE 2', 'SR 3.2 RE 1', 'SR 5.1', 'SR 5.2', 'SR 7.7']));
    expect(got).not.toContain('SR 1.1');
    expect(got).not.toContain('SR 7.3');
  });

  it('keeps an enhancement above the target out for the FR it belongs to only', () => {
    // NDR 5.2 RE 2 is FR5 from SL 3: FR5 at 3 brings it in, every other FR at 4 does not.
    const v: SlVector = { ...uniformSl(4), FR5: 2 };
    expect(ids(applicableRequirements(c42, asset('NDR'), v))).not.toContain('NDR 5.2 RE 2');
    expect(ids(applicableRequirements(c42, asset('NDR'), { ...v, FR5: 3 }))).toContain('NDR 5.2 RE 2');
  });

  it('with aboveTarget lists every item of the type', () => {
    const got = applicableRequirements(c42, asset('EDR'), uniformSl(1), { aboveTarget: true });
    expect(ids(got)).toEqual(expected42(uniformSl(4), 'EDR'));
  });
});

describe('62443-2-1 for the organisation', () => {
  const requirements = c21.requirements.filter((r) => r.kind === 'requirement');

  it('lists all 87 requirements and no element group, whatever the SL-T', () => {
    for (const v of [null, uniformSl(0), uniformSl(4)]) {
      const got = applicableRequirements(c21, { kind: 'organisation' }, v);
      expect(ids(got)).toEqual(ids(requirements));
      expect(got).toHaveLength(87);
      expect(got.some((r) => r.kind === 'element-group')).toBe(false);
    }
    expect(applicableRequirements(c21, { kind: 'organisation' }, null, { aboveTarget: true })).toHaveLength(
      87,
    );
  });

  it('never counts a maturity-rated requirement as required at a security level', () => {
    for (const r of requirements) expect(isRequiredAt(r, uniformSl(4)), r.id).toBe(false);
  });
});

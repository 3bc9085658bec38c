import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../src/core/catalog/applicability';
import { applyOverlay, type CatalogOverlay } from '../../src/core/catalog/overlay';
import { uniformSl } from '../../src/core/domain';
import { catalog, type OverlayEntryInput, textEntries } from '../helpers/catalogs';

const c33 = catalog('3-3');
const overlay = (entries: OverlayEntryInput[], id = c33.id): CatalogOverlay => ({
  format: 'zonewalk.catalog-overlay/1',
  catalog: id,
  name: 'Test',
  version: '1',
  entries,
});
const levelsOf = (c: typeof c33, id: string) => c.requirements.find((r) => r.id === id)?.sl;

describe('applying a licensed overlay (pure)', () => {
  it('adds text per id and leaves levels alone when none are corrected', () => {
    const v = applyOverlay(c33, overlay(textEntries('3-3')));
    if (!v.ok) throw new Error(JSON.stringify(v));
    expect(v.licensedText.size).toBe(100);
    expect(v.licensedText.get('SR 1.1 RE 2')).toBe('Licensed wording of SR 1.1 RE 2 (test stand-in).');
    expect(v.shippedSl.size).toBe(0);
    expect(v.catalog.requirements).toEqual(c33.requirements);
  });

  it('corrects a level, remembers the shipped one, and applicability follows the correction', () => {
    // SR 4.1 RE 2 is disputed between SL 3+ and SL 4 only (reference note).
    const before = levelsOf(c33, 'SR 4.1 RE 2');
    const v = applyOverlay(c33, overlay([{ id: 'SR 4.1 RE 2', sl: [3, 4] }]));
    if (!v.ok) throw new Error(JSON.stringify(v));
    expect(before).toEqual([4]);
    expect(levelsOf(v.catalog, 'SR 4.1 RE 2')).toEqual([3, 4]);
    expect(v.shippedSl.get('SR 4.1 RE 2')).toEqual([4]);
    const at3 = (cat: typeof c33) =>
      applicableRequirements(cat, { kind: 'zone' }, uniformSl(3)).map((r) => r.id);
    expect(at3(c33)).not.toContain('SR 4.1 RE 2');
    expect(at3(v.catalog)).toContain('SR 4.1 RE 2');
    expect(levelsOf(c33, 'SR 4.1 RE 2')).toEqual([4]); // the shipped catalog is not touched
  });

  it('does not count a "correction" equal to the shipped levels', () => {
    const v = applyOverlay(c33, overlay([{ id: 'SR 1.1', sl: [1, 2, 3, 4], text: 'x' }]));
    expect(v.ok && v.shippedSl.size).toBe(0);
  });

  it('lists every unknown id and applies nothing', () => {
    const v = applyOverlay(
      c33,
      overlay([
        { id: 'SR 1.1', text: 'x' },
        { id: 'SR 9.9', text: 'x' },
        { id: 'CR 1.1', text: 'x' },
        { id: 'sr 1.2', text: 'x' },
      ]),
    );
    expect(v).toEqual({ ok: false, unknownIds: ['SR 9.9', 'CR 1.1', 'sr 1.2'], problems: [] });
  });

  it('refuses the same id twice', () => {
    const v = applyOverlay(
      c33,
      overlay([
        { id: 'SR 1.1', text: 'a' },
        { id: 'SR 1.1', text: 'b' },
      ]),
    );
    expect(v).toEqual({
      ok: false,
      unknownIds: [],
      problems: [{ path: 'entries[1].id', message: 'SR 1.1 appears twice (first at entries[0])' }],
    });
  });

  it('refuses levels that are not cumulative', () => {
    const v = applyOverlay(
      c33,
      overlay([
        { id: 'SR 1.1', text: 'x' },
        { id: 'SR 2.1', sl: [1, 3] },
      ]),
    );
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems[0]).toEqual({
        path: 'entries[1].sl',
        message: 'with the corrected levels, SR 2.1 levels must be cumulative and sorted (1,2,3,4)',
      });
  });

  it('refuses raising an SR above one of its enhancements, blaming the entry that did it', () => {
    const v = applyOverlay(c33, overlay([{ id: 'SR 1.1', sl: [3, 4] }]));
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems).toEqual([
        {
          path: 'entries[0].sl',
          message: 'with the corrected levels, SR 1.1 RE 1 is required at levels its parent SR 1.1 is not',
        },
      ]);
  });

  it('accepts raising an SR together with its enhancement', () => {
    const v = applyOverlay(
      c33,
      overlay([
        { id: 'SR 1.1', sl: [2, 3, 4] },
        { id: 'SR 1.1 RE 1', sl: [2, 3, 4] },
      ]),
    );
    expect(v.ok && v.shippedSl.size).toBe(1);
  });

  it('refuses levels on a placeholder and on a maturity-rated 2-1 requirement', () => {
    const c42 = catalog('4-2');
    const p = applyOverlay(c42, overlay([{ id: 'CR 1.6', sl: [1, 2, 3, 4] }], c42.id));
    expect(!p.ok && p.problems[0]).toEqual({
      path: 'entries[0].sl',
      message: 'CR 1.6 is a CR-placeholder, which has no levels to correct',
    });
    const c21 = catalog('2-1');
    const m = applyOverlay(c21, overlay([{ id: 'ORG 1.1', sl: [2, 3, 4] }], c21.id));
    expect(!m.ok && m.problems[0].message).toMatch(/ORG 1\.1 is rated on maturity levels/);
    const text = applyOverlay(c42, overlay([{ id: 'CR 1.6', text: 'heading text' }], c42.id));
    expect(text.ok && text.licensedText.get('CR 1.6')).toBe('heading text');
  });
});

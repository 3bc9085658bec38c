import { describe, expect, it } from 'vitest';
import { browseTree, filterTree, matchesIdPrefix } from '../../src/core/catalog/browse';
import { catalog } from '../helpers/catalogs';

const tree33 = browseTree(catalog('3-3').requirements);
const tree42 = browseTree(catalog('4-2').requirements);
const tree21 = browseTree(catalog('2-1').requirements);
const shown = (rows: ReturnType<typeof filterTree>) =>
  rows.map((r) => (r.matched ? r.node.requirement.id : `(${r.node.requirement.id})`));

describe('catalog browser tree', () => {
  it('puts every requirement once under its parent: FR -> SR -> RE', () => {
    expect(tree33).toHaveLength(100);
    expect(tree33.slice(0, 5).map((n) => [n.requirement.id, n.depth])).toEqual([
      ['SR 1.1', 0],
      ['SR 1.1 RE 1', 1],
      ['SR 1.1 RE 2', 1],
      ['SR 1.1 RE 3', 1],
      ['SR 1.2', 0],
    ]);
  });

  it('hangs component-specific requirements and their REs under the CR clause in 4-2', () => {
    expect(tree42).toHaveLength(137);
    const at = tree42.findIndex((n) => n.requirement.id === 'CR 5.2');
    expect(tree42.slice(at, at + 5).map((n) => [n.requirement.id, n.depth])).toEqual([
      ['CR 5.2', 0],
      ['NDR 5.2', 1],
      ['NDR 5.2 RE 1', 2],
      ['NDR 5.2 RE 2', 2],
      ['NDR 5.2 RE 3', 2],
    ]);
    for (const n of tree42)
      if (n.parent >= 0) expect(tree42[n.parent].requirement.id).toBe(n.requirement.parent);
  });

  it('groups 2-1 as SPE -> element group -> requirement', () => {
    expect(tree21.slice(0, 2).map((n) => [n.requirement.id, n.requirement.kind, n.depth])).toEqual([
      ['ORG 1', 'element-group', 0],
      ['ORG 1.1', 'requirement', 1],
    ]);
    expect(tree21.filter((n) => n.depth === 0).every((n) => n.requirement.kind === 'element-group')).toBe(
      true,
    );
  });
});

describe('catalog browser filter', () => {
  it('shows everything for an empty filter', () => {
    expect(filterTree(tree33, {})).toHaveLength(100);
    expect(filterTree(tree33, { query: '   ', sl: null }).every((r) => r.matched)).toBe(true);
  });

  it('finds an id and its enhancements, not its longer-numbered siblings', () => {
    expect(shown(filterTree(tree33, { query: 'SR 1.1' }))).toEqual([
      'SR 1.1',
      'SR 1.1 RE 1',
      'SR 1.1 RE 2',
      'SR 1.1 RE 3',
    ]);
    expect(shown(filterTree(tree33, { query: 'sr 1.1 re 2' }))).toEqual(['(SR 1.1)', 'SR 1.1 RE 2']);
    expect(matchesIdPrefix('SR 1.10', 'SR 1.1')).toBe(false);
    expect(matchesIdPrefix('SR 1.10', 'SR 1.')).toBe(true);
    expect(matchesIdPrefix('NDR 5.2 RE 1', 'ndr')).toBe(true);
  });

  it('finds words anywhere in the title or guidance, all of them', () => {
    const rows = filterTree(tree33, { query: 'wireless' });
    expect(rows.filter((r) => r.matched).map((r) => r.node.requirement.id)).toEqual(
      expect.arrayContaining(['SR 1.6', 'SR 2.2']),
    );
    const both = filterTree(tree33, { query: 'wireless jump' }).filter((r) => r.matched);
    const either = filterTree(tree33, { query: 'wireless' }).filter((r) => r.matched);
    expect(both.length).toBeLessThan(either.length);
    expect(filterTree(tree33, { query: 'zzzz-nothing' })).toEqual([]);
  });

  it('searches the licensed text when an overlay provides it', () => {
    const withText = browseTree(
      catalog('3-3').requirements.map((r) =>
        r.id === 'SR 3.4' ? { ...r, licensedText: 'Quokka clause' } : r,
      ),
    );
    expect(shown(filterTree(withText, { query: 'quokka' }))).toEqual(['SR 3.4']);
  });

  it('shows at SL 1 only what is required at SL 1, keeping the SR above a matching RE', () => {
    const rows = filterTree(tree33, { sl: 1 });
    expect(rows.every((r) => r.matched && r.node.requirement.sl.includes(1))).toBe(true);
    expect(rows.filter((r) => r.node.requirement.kind === 'SR')).toHaveLength(37);
    const at2 = shown(filterTree(tree33, { sl: 2, query: 'SR 1.1' }));
    expect(at2).toEqual(['SR 1.1', 'SR 1.1 RE 1']);
  });

  it('filters 4-2 by network device at SL 2: NDR 1.6 and NDR 5.2 RE 1, not NDR 5.2 RE 2', () => {
    const rows = filterTree(tree42, { sl: 2, componentType: 'NDR' });
    const ids = shown(rows);
    expect(ids).toEqual(
      expect.arrayContaining(['(CR 1.6)', 'NDR 1.6', 'NDR 1.6 RE 1', '(CR 5.2)', 'NDR 5.2', 'NDR 5.2 RE 1']),
    );
    expect(ids).not.toContain('NDR 5.2 RE 2');
    expect(ids.some((id) => /^\(?(EDR|HDR|SAR) /.test(id))).toBe(false);
    // Placeholders appear only as headings above a match, never as matches.
    expect(rows.filter((r) => r.node.requirement.kind === 'CR-placeholder').every((r) => !r.matched)).toBe(
      true,
    );
    expect(ids).not.toContain('(CR 2.3)');
  });
});

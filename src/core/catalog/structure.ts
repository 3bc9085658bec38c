import { type Catalog, isChecklistItem } from './types';

/**
 * Rules a catalog must keep beyond its schema: unique ids, existing parents, cumulative levels,
 * enhancements no wider than their parent, and our own guidance on every checklist item.
 * Returns problems as `requirements[i].field: sentence`.
 */
export function catalogStructureProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const byId = new Map<string, number>();
  catalog.requirements.forEach((r, i) => {
    if (byId.has(r.id)) problems.push(`requirements[${i}].id: duplicate id ${r.id}`);
    byId.set(r.id, i);
  });
  catalog.requirements.forEach((r, i) => {
    const at = `requirements[${i}]`;
    if (r.parent !== null) {
      const p = byId.get(r.parent);
      if (p === undefined)
        problems.push(`${at}.parent: ${r.id} names parent ${r.parent}, which does not exist`);
      else if (r.kind === 'RE') {
        const parent = catalog.requirements[p];
        if (!r.sl.every((l) => parent.sl.includes(l)))
          problems.push(`${at}.sl: ${r.id} is required at levels its parent ${parent.id} is not`);
      }
    }
    if (r.sl.length) {
      const from = Math.min(...r.sl);
      const expected = [1, 2, 3, 4].filter((l) => l >= from);
      if (r.sl.length !== expected.length || !expected.every((l, k) => r.sl[k] === l))
        problems.push(`${at}.sl: ${r.id} levels must be cumulative and sorted (${expected.join(',')})`);
    }
    if (catalog.part === '4-2' && isChecklistItem(r) && r.componentTypes.length === 0)
      problems.push(`${at}.componentTypes: ${r.id} applies to no component type`);
    if (isChecklistItem(r)) {
      if (catalog.scale === 'SL' && r.sl.length === 0) problems.push(`${at}.sl: ${r.id} is never required`);
      if (!r.guidance.trim()) problems.push(`${at}.guidance: ${r.id} has no guidance`);
      if (r.questions.length === 0) problems.push(`${at}.questions: ${r.id} has no question`);
      if (r.evidence.length === 0) problems.push(`${at}.evidence: ${r.id} has no evidence hint`);
    }
  });
  return problems;
}

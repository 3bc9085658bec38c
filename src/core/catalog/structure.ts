import { type Catalog, isChecklistItem } from './types';

export interface StructureProblem {
  /** JSON path into the catalog file, e.g. `requirements[12].sl`. */
  path: string;
  /** One sentence naming the requirement. */
  message: string;
}

/**
 * Rules a catalog must keep beyond its schema: unique ids, existing parents, cumulative levels,
 * enhancements no wider than their parent, and our own guidance on every checklist item.
 */
export function catalogStructureProblems(catalog: Catalog): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const add = (i: number, field: string, message: string) =>
    problems.push({ path: `requirements[${i}].${field}`, message });
  const byId = new Map<string, number>();
  catalog.requirements.forEach((r, i) => {
    if (byId.has(r.id)) add(i, 'id', `duplicate id ${r.id}`);
    else byId.set(r.id, i);
  });
  catalog.requirements.forEach((r, i) => {
    if (r.parent !== null) {
      const p = byId.get(r.parent);
      if (p === undefined) add(i, 'parent', `${r.id} names parent ${r.parent}, which does not exist`);
      else if (r.kind === 'RE') {
        const parent = catalog.requirements[p];
        if (!r.sl.every((l) => parent.sl.includes(l)))
          add(i, 'sl', `${r.id} is required at levels its parent ${parent.id} is not`);
      }
    }
    if (r.sl.length) {
      const from = Math.min(...r.sl);
      const expected = [1, 2, 3, 4].filter((l) => l >= from);
      if (r.sl.length !== expected.length || !expected.every((l, k) => r.sl[k] === l))
        add(i, 'sl', `${r.id} levels must be cumulative and sorted (${expected.join(',')})`);
    }
    if (catalog.part === '4-2' && isChecklistItem(r) && r.componentTypes.length === 0)
      add(i, 'componentTypes', `${r.id} applies to no component type`);
    if (isChecklistItem(r)) {
      if (catalog.scale === 'SL' && r.sl.length === 0) add(i, 'sl', `${r.id} is never required`);
      if (catalog.scale === 'ML' && r.sl.length > 0)
        add(i, 'sl', `${r.id} has security levels, but this catalog is rated on maturity levels`);
      if (!r.guidance.trim()) add(i, 'guidance', `${r.id} has no guidance`);
      if (r.questions.length === 0) add(i, 'questions', `${r.id} has no question`);
      if (r.evidence.length === 0) add(i, 'evidence', `${r.id} has no evidence hint`);
    } else if (r.sl.length > 0) {
      add(i, 'sl', `${r.id} is a ${r.kind} and cannot be required at a level`);
    }
  });
  return problems;
}

import type { JsonValue } from '../../core/canonicalJson';

export type Changes = Record<string, { from: JsonValue; to: JsonValue }>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields a patch really changes, as `{field: {from, to}}` for the audit trail; fields given
 * with their current value are left out, so an empty result means nothing to write.
 */
export function changesOf<T extends object>(before: T, patch: Partial<T>): Changes {
  const out: Changes = {};
  for (const key of Object.keys(patch) as (keyof T & string)[]) {
    const to = patch[key];
    if (to === undefined || same(before[key], to)) continue;
    out[key] = { from: (before[key] ?? null) as JsonValue, to: to as JsonValue };
  }
  return out;
}

/** `before` with the patch's defined fields applied (zod leaves absent fields undefined). */
export function applyPatch<T extends object>(before: T, patch: Partial<T>): T {
  const next = { ...before };
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const v = patch[key];
    if (v !== undefined) next[key] = v as T[keyof T];
  }
  return next;
}

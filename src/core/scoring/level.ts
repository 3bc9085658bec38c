import { FRS, type Fr, type SecurityLevel, type SlVector } from '../domain';

/** An item as the level rule sees it: its FR and the level it counts at. */
export interface LevelItem {
  fr: Fr;
  level: number;
}

/**
 * level(pred) per FR (domain.md "Levels"): the highest L in 0..4 such that every item of that FR
 * with level <= L satisfies pred. An unsatisfied item at level l caps the FR at l - 1; an FR with
 * no unsatisfied item reaches 4, so an FR without items never holds a minimum down.
 */
export function levelWhere<T extends LevelItem>(
  items: readonly T[],
  levelOf: (item: T) => number,
  satisfied: (item: T) => boolean,
): SlVector {
  const out: SlVector = { FR1: 4, FR2: 4, FR3: 4, FR4: 4, FR5: 4, FR6: 4, FR7: 4 };
  for (const item of items) {
    const level = levelOf(item);
    if (level - 1 < out[item.fr] && !satisfied(item)) out[item.fr] = (level - 1) as SecurityLevel;
  }
  return out;
}

export function minSl(a: SlVector, b: SlVector): SlVector {
  const out = { ...a };
  for (const fr of FRS) if (b[fr] < out[fr]) out[fr] = b[fr];
  return out;
}

/** Gap per FR = max(0, SL-T - achieved). */
export function slGap(target: SlVector, achieved: SlVector): SlVector {
  const out = { ...target };
  for (const fr of FRS) out[fr] = Math.max(0, target[fr] - achieved[fr]) as SecurityLevel;
  return out;
}

import { type CatalogRequirement, requiredFrom } from '../catalog/types';
import { FRS, type Fr, type ResponseResult, type SecurityLevel, type SlVector } from '../domain';

/** `met` (with or without a compensating control) and `not-applicable` satisfy a requirement. */
export function isSatisfied(
  result: ResponseResult | 'unanswered' | undefined,
): result is 'met' | 'not-applicable' {
  return result === 'met' || result === 'not-applicable';
}

/**
 * SL-A per FR: the highest L in 0..4 such that every requirement of that FR required at some level
 * <= L is satisfied. Pass ALL of the scope's requirements, not only those at SL-T, so satisfied
 * answers above the target can lift SL-A above SL-T.
 *
 * A level at which no requirement of the FR enters is reached as soon as the levels below it are
 * (the definition is vacuously true there), exactly as the standard's capability levels work: an
 * FR whose last requirement enters at SL3 reaches SL4 when everything up to SL3 is satisfied, and
 * an FR with no requirement at all for a scope does not hold a zone's minimum down. Requirements
 * never required at any level (no `sl`) do not count.
 */
export function computeSlAchieved(
  requirements: readonly CatalogRequirement[],
  responsesByRequirement: ReadonlyMap<string, { result: ResponseResult }>,
): SlVector {
  const sl: SlVector = { FR1: 4, FR2: 4, FR3: 4, FR4: 4, FR5: 4, FR6: 4, FR7: 4 };
  for (const r of requirements) {
    if (!(r.fr in sl)) continue;
    const from = requiredFrom(r);
    if (from > 4) continue;
    const fr = r.fr as Fr;
    // the lowest level at which an unsatisfied requirement enters caps SL-A one below it
    if (from - 1 < sl[fr] && !isSatisfied(responsesByRequirement.get(r.id)?.result))
      sl[fr] = (from - 1) as SecurityLevel;
  }
  return sl;
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

import { responseKey, type Scope } from '../domain';
import { fnv1a64Base32 } from '../fnv1a64';

/**
 * `GAP-` + 8 Crockford base32 characters of FNV-1a 64 over `scopeKey|requirement` (the answer's
 * key). It depends on nothing else, so the same gap keeps its id across exports, re-scoring and
 * catalog order changes; 40 bits make a collision among 20,000 gaps about a 1 in 5,000 chance.
 */
export function gapId(scope: Scope, requirement: string): string {
  return `GAP-${fnv1a64Base32(responseKey(scope, requirement))}`;
}

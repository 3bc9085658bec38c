import type { MergeAdditions } from '../../../core/merge/planMerge';
import type { MergeCounts } from '../../../shared/contract/imports';

export function mergeSummary(add: MergeAdditions): MergeCounts {
  return {
    zones: add.zones.length,
    conduits: add.conduits.length,
    assets: add.assets.length,
    responses: add.responses.length,
    findings: add.findings.length,
    evidence: add.evidence.length,
  };
}

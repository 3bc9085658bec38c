import { responseKey, type Scope } from '../domain';
import type {
  AssessmentModel,
  Asset,
  ChecklistResponse,
  Conduit,
  EvidenceMeta,
  Finding,
  Zone,
} from '../model';

// Merging a colleague's package into an assessment: what joins, what is the same on both sides,
// and what both sides hold differently. Pure: the caller shows the conflicts, collects a decision
// for each, and only then writes.

// Compensating controls and gap tracking do not take part in a merge yet: the merge keeps this side's.
export interface MergeableDocument
  extends Omit<AssessmentModel, 'assessment' | 'compensatingControls' | 'gapTracking'> {
  evidence: EvidenceMeta[];
}

export type ConflictKind = 'zone' | 'conduit' | 'asset' | 'response' | 'finding';

interface Entities {
  zone: Zone;
  conduit: Conduit;
  asset: Asset;
  response: ChecklistResponse;
  finding: Finding;
}

export type MergeConflict = {
  [K in ConflictKind]: { key: string; kind: K; label: string; mine: Entities[K]; theirs: Entities[K] };
}[ConflictKind];

export interface MergeAdditions {
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  responses: ChecklistResponse[];
  findings: Finding[];
  evidence: EvidenceMeta[];
}

export interface MergePlan {
  add: MergeAdditions;
  conflicts: MergeConflict[];
  /** Items present and identical on both sides. */
  same: number;
}

export type Resolution = 'mine' | 'theirs';

export interface ResolvedMerge {
  add: MergeAdditions;
  /** Conflicts decided for "theirs": these replace the existing item. */
  replace: {
    zones: Zone[];
    conduits: Conduit[];
    assets: Asset[];
    responses: ChecklistResponse[];
    findings: Finding[];
  };
  kept: number;
  taken: number;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Two answers agree when everything the auditor decided agrees; who and when do not count. */
function sameAnswer(a: ChecklistResponse, b: ChecklistResponse): boolean {
  return (
    a.result === b.result &&
    a.maturity === b.maturity &&
    a.justification === b.justification &&
    a.comment === b.comment &&
    a.flagged === b.flagged &&
    sameJson(sorted(a.evidence), sorted(b.evidence))
  );
}

function sameFinding(a: Finding, b: Finding): boolean {
  return sameJson({ ...a, evidence: sorted(a.evidence) }, { ...b, evidence: sorted(b.evidence) });
}

export function planMerge(mine: MergeableDocument, theirs: MergeableDocument): MergePlan {
  const plan: MergePlan = {
    add: { zones: [], conduits: [], assets: [], responses: [], findings: [], evidence: [] },
    conflicts: [],
    same: 0,
  };
  const names = new Map<string, string>();
  for (const d of [theirs, mine]) {
    for (const z of d.zones) names.set(`zone:${z.id}`, z.name);
    for (const c of d.conduits) names.set(`conduit:${c.id}`, c.name);
    for (const a of d.assets) names.set(`asset:${a.id}`, a.name);
  }
  const scopeName = (s: Scope | null) =>
    !s
      ? 'no scope'
      : s.kind === 'organisation'
        ? 'the organisation'
        : `${s.kind} ${names.get(`${s.kind}:${s.id}`) ?? s.id}`;

  const byId = <K extends 'zone' | 'conduit' | 'asset' | 'finding'>(
    kind: K,
    ours: readonly Entities[K][],
    others: readonly Entities[K][],
    into: Entities[K][],
    equal: (a: Entities[K], b: Entities[K]) => boolean,
    label: (t: Entities[K]) => string,
  ) => {
    const index = new Map(ours.map((x) => [x.id, x]));
    for (const t of others) {
      const m = index.get(t.id);
      if (!m) into.push(t);
      else if (equal(m, t)) plan.same++;
      else {
        // The kind and the two items belong together by construction; TypeScript cannot follow K here.
        const c = { key: `${kind}:${t.id}`, kind, label: label(t), mine: m, theirs: t };
        plan.conflicts.push(c as unknown as MergeConflict);
      }
    }
  };
  byId('zone', mine.zones, theirs.zones, plan.add.zones, sameJson, (z) => `Zone ${z.name}`);
  byId('conduit', mine.conduits, theirs.conduits, plan.add.conduits, sameJson, (c) => `Conduit ${c.name}`);
  byId('asset', mine.assets, theirs.assets, plan.add.assets, sameJson, (a) => `Asset ${a.name}`);
  byId(
    'finding',
    mine.findings,
    theirs.findings,
    plan.add.findings,
    sameFinding,
    (f) => `Finding "${f.title}"`,
  );

  const answers = new Map(mine.responses.map((r) => [responseKey(r.scope, r.requirement), r]));
  for (const t of theirs.responses) {
    const key = responseKey(t.scope, t.requirement);
    const m = answers.get(key);
    if (!m) plan.add.responses.push(t);
    else if (sameAnswer(m, t)) plan.same++;
    else {
      plan.conflicts.push({
        key: `response:${key}`,
        kind: 'response',
        label: `${t.requirement} for ${scopeName(t.scope)}`,
        mine: m,
        theirs: t,
      });
    }
  }
  const known = new Set(mine.evidence.map((e) => e.sha256));
  plan.add.evidence = theirs.evidence.filter((e) => !known.has(e.sha256));
  return plan;
}

/** Applies one decision per conflict; a conflict without a decision is an error naming it. */
export function resolveMerge(
  plan: MergePlan,
  decisions: Readonly<Record<string, Resolution>>,
): ResolvedMerge {
  const open = plan.conflicts.filter((c) => decisions[c.key] !== 'mine' && decisions[c.key] !== 'theirs');
  if (open.length) {
    throw new RangeError(
      `${open.length} conflict${open.length > 1 ? 's have' : ' has'} no decision yet: ${open
        .slice(0, 3)
        .map((c) => c.label)
        .join('; ')}${open.length > 3 ? '; …' : ''}.`,
    );
  }
  const replace: ResolvedMerge['replace'] = {
    zones: [],
    conduits: [],
    assets: [],
    responses: [],
    findings: [],
  };
  let taken = 0;
  for (const c of plan.conflicts) {
    if (decisions[c.key] !== 'theirs') continue;
    taken++;
    if (c.kind === 'zone') replace.zones.push(c.theirs);
    else if (c.kind === 'conduit') replace.conduits.push(c.theirs);
    else if (c.kind === 'asset') replace.assets.push(c.theirs);
    else if (c.kind === 'response') replace.responses.push(c.theirs);
    else replace.findings.push(c.theirs);
  }
  return { add: plan.add, replace, kept: plan.conflicts.length - taken, taken };
}

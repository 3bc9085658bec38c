import { BASELINE_ZONE_SRS, responseRuleProblem } from '../answers';
import { roleProblem } from '../catalog/applicability';
import type { RequirementIndex } from '../catalog/requirementIndex';
import { type ComponentType, FRS, responseKey, type Scope } from '../domain';
import type { ItemRef } from '../model';
import type { InterchangeDocument } from './document';

/** Rules a zonewalk.assessment/2 document must keep beyond its schema, as `path: sentence`; [] when sound. */
export function interchangeProblems(doc: InterchangeDocument, index: RequirementIndex): string[] {
  const problems: string[] = [];
  const add = (path: string, sentence: string) => problems.push(`${path}: ${sentence}`);

  doc.assessment.catalogs.forEach((c, i) => {
    if (!index.hasCatalogId(c)) add(`assessment.catalogs[${i}]`, `unknown catalog "${c}"`);
  });

  const zones = uniqueIds(doc.zones, 'zones', add);
  const conduits = uniqueIds(doc.conduits, 'conduits', add);
  const assetTypes = new Map<string, ComponentType>();
  uniqueIds(doc.assets, 'assets', add);
  for (const a of doc.assets) assetTypes.set(a.id, a.componentType);

  doc.conduits.forEach((c, i) => {
    c.zones.forEach((z, j) => {
      if (!zones.has(z)) add(`conduits[${i}].zones[${j}]`, `no zone with id "${z}"`);
    });
    if (c.zones[0] === c.zones[1]) add(`conduits[${i}].zones`, 'a conduit joins two different zones');
  });
  doc.assets.forEach((a, i) => {
    if (!zones.has(a.zone)) add(`assets[${i}].zone`, `no zone with id "${a.zone}"`);
    const rp = roleProblem(a.componentType, a.roles);
    if (rp) add(`assets[${i}].roles`, rp);
    if (new Set(a.roles).size !== a.roles.length) add(`assets[${i}].roles`, 'a role is listed twice');
    a.certificates.forEach((c, j) => {
      if (c.validTo < c.validFrom)
        add(`assets[${i}].certificates[${j}].validTo`, 'the certificate ends before it starts');
    });
  });

  const evidence = new Set<string>();
  doc.evidence.forEach((e, i) => {
    if (evidence.has(e.sha256)) add(`evidence[${i}].sha256`, `duplicate evidence "${e.sha256}"`);
    evidence.add(e.sha256);
  });
  const checkEvidence = (path: string, hashes: string[]) => {
    const seen = new Set<string>();
    hashes.forEach((h, j) => {
      if (!evidence.has(h)) add(`${path}.evidence[${j}]`, `no evidence with sha256 "${h}" in evidence`);
      if (seen.has(h)) add(`${path}.evidence[${j}]`, `evidence "${h}" is linked twice`);
      seen.add(h);
    });
  };

  const scopeProblem = (s: Scope): string | null => {
    if (s.kind === 'zone' && !zones.has(s.id)) return `no zone with id "${s.id}"`;
    if (s.kind === 'conduit' && !conduits.has(s.id)) return `no conduit with id "${s.id}"`;
    if (s.kind === 'asset' && !assetTypes.has(s.id)) return `no asset with id "${s.id}"`;
    return null;
  };

  const answered = new Set<string>();
  doc.responses.forEach((r, i) => {
    const at = `responses[${i}]`;
    const sp = scopeProblem(r.scope);
    if (sp) {
      add(`${at}.scope.id`, sp);
      return;
    }
    const type = r.scope.kind === 'asset' ? assetTypes.get(r.scope.id) : undefined;
    const rp = index.problem(r.scope.kind, r.requirement, type);
    if (rp) add(`${at}.requirement`, rp);
    const key = `${r.scope.kind}:${'id' in r.scope ? r.scope.id : ''}|${r.requirement}`;
    if (answered.has(key)) add(`${at}`, `a second answer to ${r.requirement} for the same scope`);
    answered.add(key);
    const rule = responseRuleProblem(r.scope.kind, r.result, r.maturity, r.justification);
    if (rule) add(`${at}.${rule.field}`, rule.sentence);
    checkEvidence(at, r.evidence);
  });

  const itemProblem = (path: string, ref: ItemRef) => {
    const sp = scopeProblem(ref.scope);
    if (sp) return add(`${path}.scope.id`, sp);
    const type = ref.scope.kind === 'asset' ? assetTypes.get(ref.scope.id) : undefined;
    const rp = index.problem(ref.scope.kind, ref.requirement, type);
    if (rp) add(`${path}.requirement`, rp);
  };
  uniqueIds(doc.compensatingControls, 'compensatingControls', add);
  doc.compensatingControls.forEach((c, i) => {
    const at = `compensatingControls[${i}]`;
    const covered = new Set<string>();
    c.covers.forEach((ref, j) => {
      itemProblem(`${at}.covers[${j}]`, ref);
      const key = responseKey(ref.scope, ref.requirement);
      if (covered.has(key)) add(`${at}.covers[${j}]`, `${ref.requirement} is covered twice`);
      covered.add(key);
    });
    if (c.implementedBy) {
      itemProblem(`${at}.implementedBy`, c.implementedBy);
      if (covered.has(responseKey(c.implementedBy.scope, c.implementedBy.requirement)))
        add(`${at}.implementedBy`, 'a control cannot be implemented by an item it covers itself');
    }
    checkEvidence(at, c.evidence);
  });

  const gapIds = new Set<string>();
  doc.gapTracking.forEach((g, i) => {
    if (gapIds.has(g.gapId)) add(`gapTracking[${i}].gapId`, `duplicate gap id "${g.gapId}"`);
    gapIds.add(g.gapId);
  });

  uniqueIds(doc.findings, 'findings', add);
  doc.findings.forEach((f, i) => {
    const at = `findings[${i}]`;
    if (f.scope) {
      const sp = scopeProblem(f.scope);
      if (sp) add(`${at}.scope.id`, sp);
      else if (f.requirement) {
        // Any requirement of the scope's catalog: a finding outlives a change of component type.
        const rp = index.problem(f.scope.kind, f.requirement);
        if (rp) add(`${at}.requirement`, rp);
      }
    } else if (f.requirement && !anyCatalogHas(index, f.requirement)) {
      add(`${at}.requirement`, `unknown requirement "${f.requirement}"`);
    }
    checkEvidence(at, f.evidence);
  });
  return problems;
}

export function anyCatalogHas(index: RequirementIndex, requirement: string): boolean {
  return (['2-1', '3-3', '4-2'] as const).some((p) => index.find(p, requirement) !== undefined);
}

function uniqueIds(
  items: { id: string }[],
  path: string,
  add: (path: string, sentence: string) => void,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((x, i) => {
    const first = seen.get(x.id);
    if (first !== undefined) add(`${path}[${i}].id`, `duplicate id "${x.id}" (also ${path}[${first}])`);
    else seen.set(x.id, i);
  });
  return new Set(seen.keys());
}

/**
 * What a sound document may still hold that the auditor should look at, as `path: sentence`: a
 * conduit whose SL-T is below one of its zones' on some FR, a baseline zone SR marked N/A, a 2-1
 * answer with a result but no maturity (counted as an open question, not as ML0).
 */
export function interchangeWarnings(doc: InterchangeDocument): string[] {
  const out: string[] = [];
  const zones = new Map(doc.zones.map((z) => [z.id, z]));
  doc.conduits.forEach((c, i) => {
    for (const fr of FRS) {
      const needed = Math.max(...c.zones.map((z) => zones.get(z)?.slTarget[fr] ?? 0));
      if (c.slTarget[fr] < needed)
        out.push(
          `conduits[${i}].slTarget.${fr}: conduit "${c.name}" has SL-T ${c.slTarget[fr]} on ${fr}, below the ${needed} of the zones it joins.`,
        );
    }
  });
  doc.responses.forEach((r, i) => {
    if (r.scope.kind === 'zone' && r.result === 'not-applicable' && BASELINE_ZONE_SRS.includes(r.requirement))
      out.push(
        `responses[${i}]: ${r.requirement} is a baseline requirement of every zone, yet marked not applicable.`,
      );
    if (
      r.scope.kind === 'organisation' &&
      r.maturity === null &&
      r.result !== 'not-applicable' &&
      r.result !== 'not-assessed'
    )
      out.push(`responses[${i}].maturity: ${r.requirement} has no maturity; it counts as an open question.`);
  });
  return out;
}

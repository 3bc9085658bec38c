import { responseRuleProblem } from '../answers';
import type { RequirementIndex } from '../catalog/requirementIndex';
import type { ComponentType, Scope } from '../domain';
import type { InterchangeDocument } from './document';

/** Rules a zonewalk.assessment/1 document must keep beyond its schema, as `path: sentence`; [] when sound. */
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
    const rule = responseRuleProblem(r.scope.kind, r.result, r.maturity, r.compensatingControl);
    if (rule) add(`${at}.${rule.field}`, rule.sentence);
    checkEvidence(at, r.evidence);
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

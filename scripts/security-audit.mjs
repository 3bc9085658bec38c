// npm run security: Electronegativity over src/ and the built out/, failing on any finding that
// docs/security.md does not explain in its "Electronegativity findings" table (rule id + file).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

function explained() {
  const doc = fs.readFileSync(path.join(root, 'docs/security.md'), 'utf8');
  const section = doc.split('## Electronegativity findings')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split("\n").filter((l) => /^\|\s*`?[A-Z_]+_CHECK`?\s*\|/.test(l));
  return new Set(rows.map((l) => l.split('|').slice(1, 3).map((c) => c.trim().replace(/`/g, '')).join(' ')));
}

function scan(target) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zonewalk-en-')), 'report.sarif');
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/electronegativity.cjs'), '-i', path.join(root, target), '-o', out, '-r', '-v', 'false', '-e', electronVersion],
    { encoding: 'utf8' },
  );
  if (!fs.existsSync(out)) {
    console.error(`security: Electronegativity produced no report for ${target}:\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return sarif.runs.flatMap((r) => r.results ?? []).map((r) => ({
    rule: r.ruleId,
    file: `${target}/${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?'}`,
    line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    message: r.message?.text ?? '',
  }));
}

if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
  console.error("security: out/ is not built; run 'npm run build' first");
  process.exit(1);
}
const known = explained();
const findings = [...scan('src'), ...scan('out')];
const unexplained = findings.filter((f) => !known.has(`${f.rule} ${f.file}`));
for (const f of findings) {
  console.log(`${known.has(`${f.rule} ${f.file}`) ? 'explained  ' : 'UNEXPLAINED'} ${f.rule} ${f.file}:${f.line} ${f.message}`);
}
console.log(`security: ${findings.length} Electronegativity findings, ${unexplained.length} unexplained`);
if (unexplained.length) {
  console.error('security: explain each finding in docs/security.md (Electronegativity findings) or fix it');
  process.exit(1);
}

// Child process for the crash test: answers checklist items and adds evidence through the real
// handler table as fast as it can, and reports each write on stdout only after it has committed.
import crypto from 'node:crypto';
import { RESULTS } from '../../../src/core/domain';
import { createHandlerTable } from '../../../src/main/handlers';
import { createServices } from '../../../src/main/services';

const [dataDir, assessmentId, scopesJson, seedText, firstText] = process.argv.slice(2);
const scopes = JSON.parse(scopesJson) as {
  scope: { kind: 'zone' | 'asset'; id: string };
  requirements: string[];
}[];
const services = createServices(dataDir);
const table = createHandlerTable(services, () => {});
let seed = Number(seedText);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

// Numbers keep rising across runs, so the test can tell an older answer from a newer one.
for (let i = Number(firstText); ; i++) {
  const { scope, requirements } = pick(scopes);
  const requirement = pick(requirements);
  if (i % 10 === 9) {
    const bytes = crypto.randomBytes(2048 + Math.floor(random() * 65536));
    const r = await table['evidence.addBytes']({
      assessmentId,
      fileName: `photo-${i}.bin`,
      base64: bytes.toString('base64'),
      target: { kind: 'response', scope, requirement },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    process.stdout.write(`evidence ${crypto.createHash('sha256').update(bytes).digest('hex')}\n`);
  } else {
    const result = pick(RESULTS.filter((x) => x !== 'not-assessed'));
    const r = await table['responses.set']({
      assessmentId,
      scope,
      requirement,
      patch: {
        result,
        comment: `#${i}`,
        ...(result === 'not-applicable' && { justification: 'No such port' }),
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    process.stdout.write(`answer #${i} ${result} ${scope.kind}:${scope.id}|${requirement}\n`);
  }
}

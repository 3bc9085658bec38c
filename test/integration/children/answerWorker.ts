// Child process for the two-writer test: answers the same few checklist items as another copy of
// itself, each time changing one field only, until its time is up.
import { createServices } from '../../../src/main/services';

const [dataDir, assessmentId, zoneId, requirementsJson, secondsText, seedText] = process.argv.slice(2);
const requirements = JSON.parse(requirementsJson) as string[];
const services = createServices(dataDir);
let seed = Number(seedText);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const results = ['met', 'partially-met', 'not-met', 'not-applicable'] as const;

const end = Date.now() + Number(secondsText) * 1000;
let writes = 0;
while (Date.now() < end) {
  const requirement = pick(requirements);
  const which = random();
  const result = pick(results);
  const patch =
    which < 0.4
      ? // An N/A answer carries its reason (rules, edition 2).
        {
          result,
          ...(result === 'not-applicable' && { justification: `${seedText}#${writes} no such port` }),
        }
      : which < 0.8
        ? { comment: `${seedText}#${writes}` }
        : { flagged: random() < 0.5 };
  services.responses.set(assessmentId, { kind: 'zone', id: zoneId }, requirement, patch);
  writes++;
}
services.ws.close();
process.stdout.write(`${writes}\n`);

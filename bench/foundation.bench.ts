import fs from 'node:fs';
import { it } from 'vitest';
import { createServices } from '../src/main/services';
import { benchDir, QUICK, timeMs } from './lib';

it('foundation: open a workspace of 1,000 assessments and list them; create one', async () => {
  const dir = benchDir('foundation');
  const count = QUICK ? 50 : 1000;
  const seed = createServices(dir);
  for (let i = 0; i < count; i++)
    seed.assessments.create({ title: `Assessment ${i}`, site: `Site ${i % 17}` });
  seed.ws.close();

  await timeMs(
    'workspace.open+list (1,000 assessments)',
    { n: QUICK ? 3 : 30, warmup: 1, target: 50 },
    () => {
      const s = createServices(dir);
      const rows = s.assessments.list();
      if (rows.length !== count) throw new Error(`listed ${rows.length}`);
      s.ws.close();
    },
  );

  const s = createServices(dir);
  await timeMs(
    'assessment.create (with audit event, durable commit)',
    { n: QUICK ? 20 : 1000, warmup: 10, target: 1 },
    (i) => s.assessments.create({ title: `New ${i}`, site: 'x' }),
  );
  s.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

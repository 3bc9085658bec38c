import { parseArgs } from 'node:util';
import { buildDemo } from '../../main/services/demo';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--seed N]',
  summary: 'Create a sample assessment (a water treatment plant, partly answered) and print its id',
  run(ctx, args) {
    const { values } = parseArgs({ args, options: { seed: { type: 'string' } }, strict: true });
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isSafeInteger(seed))
      throw new UsageError('--seed needs a whole number');
    ctx.io.stdout(`${buildDemo(ctx.services(), { seed }).id}\n`);
    return 0;
  },
};

import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { cell } from '../terminalText';

export const listCommand: CliCommand = {
  name: 'list',
  readOnly: true,
  usage: 'list [--json]',
  summary: 'List the assessments in the workspace',
  run(ctx, args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
    const rows = ctx.services().assessments.list();
    if (values.json) {
      ctx.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      ctx.io.stdout('No assessments yet. Create one with: zonewalk create --title "..." --site "..."\n');
      return 0;
    }
    const lines = rows.map((r) => [r.id, r.title, r.site, r.status, r.updatedAt].map(cell).join('\t'));
    ctx.io.stdout(`${['ID\tTITLE\tSITE\tSTATUS\tLAST CHANGED', ...lines].join('\n')}\n`);
    return 0;
  },
};

export const createCommand: CliCommand = {
  name: 'create',
  usage: 'create --title T [--site S] [--organisation O]',
  summary: 'Create an assessment and print its id',
  run(ctx, args) {
    const { values } = parseArgs({
      args,
      options: { title: { type: 'string' }, site: { type: 'string' }, organisation: { type: 'string' } },
      strict: true,
    });
    if (!values.title?.trim()) throw new UsageError('create needs --title');
    const a = ctx.services().assessments.create({
      title: values.title,
      site: values.site ?? '',
      organisation: values.organisation ?? '',
    });
    ctx.io.stdout(`${a.id}\n`);
    return 0;
  },
};

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../main/fsAtomic';
import { AppError } from '../../shared/errors';
import type { CliCommand } from '../command';
import { UsageError } from '../command';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE.json [--as-copy]',
  summary: 'Import an assessment (zonewalk.assessment/1) and print its id',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'as-copy': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE.json');
    const file = positionals[0];
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new AppError(
        'not-found',
        code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file}: ${code}.`,
      );
    }
    try {
      const r = ctx.services().interchange.import(text, { source: file, asCopy: values['as-copy'] });
      ctx.io.stdout(`${r.id}\n`);
      return 0;
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        throw new AppError('conflict', `${err.message} (zonewalk import --as-copy ${file})`);
      }
      throw err;
    }
  },
};

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export json ID [--out FILE]',
  summary: 'Export an assessment as zonewalk.assessment/1 JSON (to FILE, or to stdout)',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [format, id, ...rest] = positionals;
    if (format !== 'json') throw new UsageError(`export knows the format json, not '${format ?? ''}'`);
    if (!id || rest.length) throw new UsageError('export json needs exactly one assessment ID');
    if (values.out === '') throw new UsageError('--out needs a file name');
    const text = ctx.services().interchange.exportJson(id);
    if (values.out) writeFileAtomic(values.out, text);
    else ctx.io.stdout(text);
    return 0;
  },
};

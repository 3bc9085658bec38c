import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../main/fsAtomic';
import { AppError } from '../../shared/errors';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { exportReport, isReportFormat } from './reports';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import FILE.json [--as-copy]',
  summary: 'Import an assessment (zonewalk.assessment/2, or /1) and print its id; warnings go to stderr',
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
      for (const w of r.warnings) ctx.io.stderr(`warning: ${w}\n`);
      // the last line of stdout is the id, so scripts can take it with tail -n 1
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
  usage: 'export json|xlsx|pdf ID [--out FILE]',
  summary:
    'Export an assessment: json (zonewalk.assessment/2, to FILE or stdout), xlsx (gap register), pdf (findings report)',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [format, id, ...rest] = positionals;
    if (format !== 'json' && !isReportFormat(format))
      throw new UsageError(`export knows the formats json, xlsx and pdf, not '${format ?? ''}'`);
    if (!id || rest.length) throw new UsageError(`export ${format} needs exactly one assessment ID`);
    if (values.out === '') throw new UsageError('--out needs a file name');
    if (isReportFormat(format)) return exportReport(ctx, format, id, values.out);
    const text = ctx.services().interchange.exportJson(id);
    if (values.out) writeFileAtomic(values.out, text);
    else ctx.io.stdout(text);
    return 0;
  },
};

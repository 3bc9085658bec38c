import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { RegisterImportPreview } from '../../shared/contract/reports';
import { AppError } from '../../shared/errors';
import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';

export const REPORT_FORMATS = { xlsx: 'gap-register', pdf: 'findings-report' } as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

export function isReportFormat(f: string | undefined): f is ReportFormat {
  return f === 'xlsx' || f === 'pdf';
}

/** `export xlsx|pdf ID [--out FILE]`: the part of `zonewalk export` the reports own. */
export async function exportReport(
  ctx: CliContext,
  format: ReportFormat,
  id: string,
  out?: string,
): Promise<number> {
  if (out === '') throw new UsageError('--out needs a file name');
  const r = await ctx.services().reports.export(REPORT_FORMATS[format], id, { file: out });
  for (const w of r.warnings) ctx.io.stderr(`zonewalk: warning: ${w}\n`);
  ctx.io.stdout(`${r.path}\n`);
  return 0;
}

function describe(p: RegisterImportPreview): string[] {
  const lines = p.changes.map((c) => {
    const parts = [
      c.owner && `owner "${c.owner.from}" -> "${c.owner.to}"`,
      c.due && `due ${c.due.from ?? 'none'} -> ${c.due.to ?? 'none'}`,
      c.status && `status ${c.status.from} -> ${c.status.to}`,
    ].filter(Boolean);
    return `row ${c.row}\t${c.gapId}\t${parts.join('; ')}`;
  });
  for (const u of p.unmatched) lines.push(`row ${u.row}\t${u.gapId}\tnot a gap of this assessment: skipped`);
  for (const e of p.problems) lines.push(`row ${e.row}\t${e.column}\t"${e.value}": ${e.message}`);
  return lines;
}

export const importRegisterCommand: CliCommand = {
  name: 'import-register',
  usage: 'import-register ID FILE.xlsx [--dry-run]',
  summary: 'Read Owner, Due date and Status back from a filled-in gap register and apply them',
  async run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 2)
      throw new UsageError('import-register needs an assessment ID and a FILE.xlsx');
    const [id, file] = positionals;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new AppError(
        'not-found',
        code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file}: ${code}.`,
      );
    }
    const reports = ctx.services().reports;
    const preview = await reports.importPreview(id, bytes, file);
    const lines = describe(preview);
    if (lines.length) ctx.io.stdout(`${lines.join('\n')}\n`);
    if (preview.problems.length) {
      throw new AppError(
        'invalid-file',
        `nothing imported: ${preview.problems.length} value(s) in ${file} cannot be read (listed above)`,
      );
    }
    const summary = `${preview.changes.length} gap(s) changed, ${preview.unchanged} unchanged, ${preview.unmatched.length} row(s) not matched`;
    if (values['dry-run']) {
      ctx.io.stdout(`Dry run: ${summary}. Nothing was written.\n`);
      return 0;
    }
    const r = await reports.importApply(id, bytes, file);
    ctx.io.stdout(
      `Applied: ${r.applied} gap(s) changed, ${r.unchanged} unchanged, ${r.unmatched.length} row(s) not matched.\n`,
    );
    return 0;
  },
};

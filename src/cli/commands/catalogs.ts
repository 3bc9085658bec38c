import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toFsAppError } from '../../main/db/fsErrors';
import { formatBytes } from '../../main/services/fileBytes';
import { MAX_OVERLAY_BYTES } from '../../shared/catalogOverlay';
import { AppError } from '../../shared/errors';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { cell } from '../terminalText';

export const catalogsCommand: CliCommand = {
  name: 'catalogs',
  readOnly: true,
  usage: 'catalogs [--json]',
  summary: 'List the catalogs and the licensed overlay loaded for each',
  run(ctx, args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
    const rows = ctx.services().catalogs.summaries();
    if (values.json) {
      ctx.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const lines = rows.map((c) => {
      const o = c.overlay;
      const overlay = o
        ? `${o.name} ${o.version} (${o.importedAt} by ${o.importedBy}, sha256 ${o.sha256})`
        : c.staleOverlay
          ? `NOT APPLIED: ${c.staleOverlay.name} ${c.staleOverlay.version}: ${c.staleOverlay.problem}`
          : '-';
      return [c.id, c.edition, String(c.checklistItems), overlay].map(cell).join('\t');
    });
    ctx.io.stdout(`${['CATALOG\tEDITION\tITEMS\tLICENSED OVERLAY', ...lines].join('\n')}\n`);
    return 0;
  },
};

export const importOverlayCommand: CliCommand = {
  name: 'import-overlay',
  usage: 'import-overlay FILE',
  summary: 'Import a licensed catalog overlay (all or nothing; replaces the one before)',
  run(ctx, args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('import-overlay needs one FILE');
    const file = path.resolve(positionals[0]);
    let bytes: Buffer;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_OVERLAY_BYTES)
        throw new AppError(
          'too-large',
          `${file} is ${formatBytes(size)}; a catalog overlay may be at most ${formatBytes(MAX_OVERLAY_BYTES)}. Nothing was imported.`,
        );
      bytes = fs.readFileSync(file);
    } catch (err) {
      if (err instanceof AppError && err.code === 'too-large') throw err;
      throw toFsAppError(err, file);
    }
    const r = ctx.services().catalogs.importOverlay(bytes, path.basename(file));
    const replaced = r.replaced ? `; replaced ${r.replaced.name} ${r.replaced.version}` : '';
    ctx.io.stdout(
      `Imported ${r.overlay.name} ${r.overlay.version} for ${r.catalogId}: ${r.applied} entries, ${r.overlay.corrections} level corrections${replaced}.\n`,
    );
    return 0;
  },
};

export const removeOverlayCommand: CliCommand = {
  name: 'remove-overlay',
  usage: 'remove-overlay CATALOG',
  summary: 'Remove the licensed overlay of a catalog, e.g. iec-62443-3-3:2013',
  run(ctx, args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('remove-overlay needs one CATALOG id');
    const { removed } = ctx.services().catalogs.removeOverlay(positionals[0]);
    ctx.io.stdout(`Removed ${removed.name} ${removed.version} from ${removed.catalogId}.\n`);
    return 0;
  },
};

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditEvent } from '../../core/audit/auditChain';
import { historyNames } from '../../core/audit/history/describeEvent';
import { extendsTrail } from '../../core/audit/trailHead';
import { knownHistoryNames } from '../../main/services/historyNames';
import type { Services } from '../../main/services/index';
import { openVerifiedPackage, type VerifiedPackage } from '../../main/services/package/packageReader';
import { trustResolver } from '../../main/services/package/trust';
import { changesOutsideZonewalk } from '../../main/services/trailReplay';
import { AppError } from '../../shared/errors';
import { type CliCommand, UsageError } from '../command';
import { formatTrail, isoUtc } from './trailText';

function oneId(args: string[], json: boolean): { id: string; json?: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: json ? { json: { type: 'boolean' } } : {},
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('give one assessment id');
  return { id: positionals[0], json: (values as { json?: boolean }).json };
}

export const trailVerifyCommand: CliCommand = {
  name: 'trail verify',
  usage: 'trail verify ID [--against PACKAGE...]',
  summary:
    'Recompute the audit trail, replay it against the answers, and check it extends each package given (exit 1 naming what differs)',
  readOnly: true,
  async run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { against: { type: 'string', multiple: true } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('give one assessment id');
    const id = positionals[0];
    const services = ctx.services();
    // The chain outlives a deleted assessment, so it is verified straight from the trail.
    const trail = services.ws.trail;
    const events = trail.list(id);
    const exists = services.assessments.exists(id);
    if (events.length === 0) {
      ctx.io.stderr(
        exists
          ? `zonewalk: the audit trail of ${id} is missing: the assessment is here but its trail has no events, so it was removed outside Zonewalk.\n`
          : `zonewalk: no audit trail for ${id}; check the id with 'zonewalk list'.\n`,
      );
      return 1;
    }
    const verdict = trail.verify(id);
    if (!verdict.ok) {
      ctx.io.stdout(`BROKEN at event ${verdict.brokenAt}: ${verdict.reason}\n`);
      return 1;
    }
    let failed = false;
    // The overlay history sets the levels every answer is judged by; it is checked with every trail.
    const overlays = services.catalogs.verifyHistory();
    if (!overlays.ok) {
      ctx.io.stdout(`BROKEN catalog overlay history at event ${overlays.brokenAt}: ${overlays.reason}\n`);
      failed = true;
    }
    const outside = exists ? changesOutsideZonewalk(services.ws.db, id, events) : [];
    for (const line of outside) ctx.io.stdout(`CHANGED OUTSIDE ZONEWALK: ${line}\n`);
    failed ||= outside.length > 0;
    for (const file of values.against ?? []) {
      const line = await againstPackage(services, file, events);
      ctx.io.stdout(`${line.text}\n`);
      failed ||= !line.ok;
    }
    if (failed) return 1;
    const scheme = verdict.scheme === 1 ? ' (begun before the assessment id was in the chain)' : '';
    ctx.io.stdout(`ok: ${verdict.count} events, chain intact, head ${verdict.head}${scheme}\n`);
    return 0;
  },
};

/** Whether the workspace trail extends the (verified) package's trail, as one line of output. */
async function againstPackage(
  services: Services,
  file: string,
  events: readonly AuditEvent[],
): Promise<{ ok: boolean; text: string }> {
  const name = path.basename(file);
  let pkg: VerifiedPackage;
  try {
    pkg = await openVerifiedPackage(path.resolve(file), trustResolver(services.signing));
  } catch (err) {
    const why = err instanceof AppError ? err.message : (err as Error).message;
    return { ok: false, text: `PACKAGE ${name} cannot be compared: ${why}` };
  }
  const r = extendsTrail(events, pkg.trail);
  if (!r.ok) return { ok: false, text: `NOT EXTENDED ${name}: ${r.reason}` };
  const head = pkg.trail.at(-1);
  return {
    ok: true,
    text: `extends ${name}: its ${pkg.trail.length} events up to event ${head?.seq ?? 0} are all here`,
  };
}

export const trailListCommand: CliCommand = {
  name: 'trail list',
  readOnly: true,
  usage: 'trail list ID [--json]',
  summary: 'Print the audit trail of an assessment in words, oldest first (--json: the raw events)',
  run(ctx, args) {
    const { id, json } = oneId(args, true);
    const services = ctx.services();
    const events = services.ws.trail.list(id);
    if (events.length === 0) {
      ctx.io.stderr(`zonewalk: no audit trail for ${id}; check the id with 'zonewalk list'.\n`);
      return 1;
    }
    if (json) {
      ctx.io.stdout(`${JSON.stringify(events, null, 2)}\n`);
      return 0;
    }
    const known = { ...knownHistoryNames(services, id), formatTime: isoUtc };
    ctx.io.stdout(formatTrail(events, historyNames(known, events)));
    return 0;
  },
};

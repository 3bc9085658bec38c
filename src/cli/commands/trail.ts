import { parseArgs } from 'node:util';
import { historyNames } from '../../core/audit/history/describeEvent';
import { knownHistoryNames } from '../../main/services/historyNames';
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
  readOnly: true,
  usage: 'trail verify ID',
  summary: 'Recompute the audit trail hash chain; name the first broken event (exit 1)',
  run(ctx, args) {
    const { id } = oneId(args, false);
    // The chain outlives a deleted assessment, so it is verified straight from the trail.
    const trail = ctx.services().ws.trail;
    const events = trail.list(id);
    if (events.length === 0) {
      ctx.io.stderr(`zonewalk: no audit trail for ${id}; check the id with 'zonewalk list'.\n`);
      return 1;
    }
    const verdict = trail.verify(id);
    if (verdict.ok) {
      ctx.io.stdout(`ok: ${verdict.count} events, chain intact, head ${verdict.head}\n`);
      return 0;
    }
    ctx.io.stdout(`BROKEN at event ${verdict.brokenAt}: ${verdict.reason}\n`);
    return 1;
  },
};

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

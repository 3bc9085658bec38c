import { parseArgs } from 'node:util';
import {
  EVIDENCE_KINDS,
  type EvidenceKind,
  type EvidenceTarget,
  parseLinkSpec,
} from '../../core/evidenceTargets';
import type { EvidenceBatchLine } from '../../shared/contract/evidence';
import { type CliCommand, type CliContext, UsageError } from '../command';
import { cell } from '../terminalText';

function targets(specs: string[] | undefined): EvidenceTarget[] {
  return (specs ?? []).map((spec) => {
    const t = parseLinkSpec(spec);
    if (typeof t === 'string') throw new UsageError(t);
    return t;
  });
}

function kindOf(value: string | undefined): EvidenceKind {
  if (value === undefined) return 'file';
  if (!(EVIDENCE_KINDS as readonly string[]).includes(value)) {
    throw new UsageError(`--kind must be one of ${EVIDENCE_KINDS.join(', ')}`);
  }
  return value as EvidenceKind;
}

const CAPTURE_OPTIONS = {
  link: { type: 'string', multiple: true },
  description: { type: 'string' },
  kind: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function report(
  lines: EvidenceBatchLine[],
  json: boolean | undefined,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (json) out(`${JSON.stringify(lines, null, 2)}\n`);
  else {
    for (const l of lines) {
      if (l.sha256) out(`${l.status}\t${l.sha256}\t${cell(l.name)}\n`);
      else err(`zonewalk: ${l.status}: ${cell(l.message ?? '')}\n`);
    }
  }
  return lines.some((l) => l.status === 'failed') ? 1 : 0;
}

type CaptureValues = ReturnType<typeof parseCapture>['values'];

function parseCapture(args: string[]) {
  return parseArgs({ args, options: CAPTURE_OPTIONS, allowPositionals: true, strict: true });
}

/**
 * Adds through `add` with the first --link as the capture's target, links every added file to the
 * other --link targets, and prints a line per file.
 */
async function capture(
  ctx: CliContext,
  id: string,
  values: CaptureValues,
  add: (meta: {
    description?: string;
    kind: EvidenceKind;
    target?: EvidenceTarget;
  }) => Promise<EvidenceBatchLine[]>,
): Promise<number> {
  const links = targets(values.link);
  const lines = await add({ description: values.description, kind: kindOf(values.kind), target: links[0] });
  const { evidence } = ctx.services();
  for (const target of links.slice(1)) {
    for (const l of lines) if (l.sha256) evidence.link(id, l.sha256, target);
  }
  return report(lines, values.json, ctx.io.stdout, ctx.io.stderr);
}

export const evidenceAddCommand: CliCommand = {
  name: 'evidence add',
  usage: 'evidence add ID FILE... [--link SCOPE:REQ]... [--description T] [--kind K] [--json]',
  summary: 'Add files as evidence (streamed, stored once by SHA-256), optionally linked',
  run(ctx, args) {
    const { values, positionals } = parseCapture(args);
    const [id, ...files] = positionals;
    if (!id || files.length === 0)
      throw new UsageError('evidence add needs an assessment id and at least one file');
    return capture(ctx, id, values, (meta) => ctx.services().evidence.addPaths(id, files, meta));
  },
};

export const evidenceAddFolderCommand: CliCommand = {
  name: 'evidence add-folder',
  usage: 'evidence add-folder ID DIR [--link SCOPE:REQ]... [--description T] [--kind K] [--json]',
  summary: 'Add every regular file below a folder (a camera card), one line per file',
  run(ctx, args) {
    const { values, positionals } = parseCapture(args);
    const [id, dir, ...extra] = positionals;
    if (!id || !dir || extra.length)
      throw new UsageError('evidence add-folder needs an assessment id and one folder');
    return capture(ctx, id, values, (meta) => ctx.services().evidence.addFolder(id, dir, meta));
  },
};

export const evidenceListCommand: CliCommand = {
  name: 'evidence list',
  readOnly: true,
  usage: 'evidence list ID [--json] [--removed]',
  summary: 'List the evidence of an assessment with hash, size, capture and links',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, removed: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const [id, ...extra] = positionals;
    if (!id || extra.length) throw new UsageError('evidence list needs one assessment id');
    const items = ctx.services().evidence.list(id, { includeRemoved: values.removed });
    if (values.json) {
      ctx.io.stdout(`${JSON.stringify(items, null, 2)}\n`);
      return 0;
    }
    if (items.length === 0) {
      ctx.io.stdout(`No evidence yet. Add some with: zonewalk evidence add ${id} FILE...\n`);
      return 0;
    }
    const rows = items.map((i) =>
      [
        i.sha256,
        i.size,
        i.mediaType,
        i.kind,
        i.capturedAt,
        i.capturedBy,
        i.links.map((l) => `${l.kind}:${l.id}`).join(', ') || '-',
        i.removed ? `removed: ${i.removed.reason}` : i.fileName,
      ]
        .map(cell)
        .join('\t'),
    );
    ctx.io.stdout(`${['SHA256\tSIZE\tTYPE\tKIND\tCAPTURED\tBY\tLINKS\tFILE', ...rows].join('\n')}\n`);
    return 0;
  },
};

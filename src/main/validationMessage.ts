import type { z } from 'zod';

// Turns a zod validation failure into one sentence a plant auditor can act on: which field is
// wrong, in words, never a schema path. A failure only a fault in Zonewalk can cause (an unknown
// key, an identifier) still reads as a sentence and says so.

type Issue = z.core.$ZodIssue;

/** Field names as the screens call them. Keys not listed are split from camelCase. */
const FIELD_LABELS: Record<string, string> = {
  due: 'due date',
  requirement: 'linked requirement',
  scopeStatement: 'scope statement',
  startDate: 'start date',
  endDate: 'end date',
  smsTargetMaturity: 'target maturity',
  slTarget: 'SL-T',
  zones: 'zones of the conduit',
  componentType: 'component type',
  legacy: 'legacy mark',
  compensatingControl: 'compensating control',
  result: 'answer',
  flagged: 'flag',
  text: 'note',
  pem: 'key',
  privatePem: 'private key',
  fileName: 'file name',
  outDir: 'folder',
  base64: 'file',
};

/** Fields that hold identifiers Zonewalk itself sends, never typed by the user. */
const IDENTIFIERS = new Set(['id', 'assessmentId', 'sha256', 'jobId', 'catalogId', 'kind']);

const FAULT = 'This is a fault in Zonewalk: please report it.';

/** zod's own wording starts like this; an author's message for people does not. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected|Required)\b/;

function words(key: string): string {
  return FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "the due date", "the SL-T of FR3", "entry 2 of the protocols". */
function fieldName(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string => typeof p === 'string' && p !== 'patch');
  const last = keys.at(-1) ?? '';
  const parent = keys.at(-2);
  const tail = path.at(-1);
  if (typeof tail === 'number') return `entry ${tail + 1} of the ${words(last)}`;
  if (parent === 'slTarget' && /^FR\d$/.test(last)) return `the SL-T of ${last}`;
  return `the ${words(last)}`;
}

function problem(issue: Issue): string {
  const custom = ZOD_DEFAULT.test(issue.message) ? undefined : issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return 'must not be empty';
  // Its author's advice follows as a sentence of its own, since callers put the whole after a colon.
  if (custom) return `is not valid. ${capitalise(custom.replace(/\.$/, ''))}`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return `is too short (at least ${issue.minimum} characters)`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long (at most ${issue.maximum} characters)`;
      if (issue.origin === 'array') return `has too many entries (at most ${issue.maximum})`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? 'is missing' : 'is not valid';
    default:
      return 'is not valid';
  }
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** One sentence for the first problem found; the details keep every issue for the log. */
export function describeValidation(issues: readonly Issue[]): string {
  const first = issues[0];
  // A rule over the whole request (a folder or a file, not both) carries its author's sentence.
  if (first?.code === 'custom' && first.path.length === 0 && !ZOD_DEFAULT.test(first.message))
    return `${capitalise(first.message.replace(/\.$/, ''))}.`;
  if (!first || first.path.length === 0 || first.code === 'unrecognized_keys')
    return `Zonewalk sent a request this action does not accept, so nothing was changed. ${FAULT}`;
  const keys = first.path.filter((p): p is string => typeof p === 'string' && p !== 'patch');
  const key = keys.at(-1) ?? '';
  const parent = keys.at(-2);
  if (IDENTIFIERS.has(key)) {
    // An identifier inside a field (a scope's zone id) means that field points nowhere.
    if (parent) return `The ${words(parent)} is not valid.`;
    return 'Zonewalk sent an identifier it cannot use, so nothing was changed. Reload the screen and try again; if it happens again, report it.';
  }
  return `${capitalise(fieldName(first.path))} ${problem(first)}.`;
}

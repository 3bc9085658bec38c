import { describe, expect, it } from 'vitest';
import { describeValidation } from '../../src/main/validationMessage';
import { type ChannelName, channels } from '../../src/shared/contract';

/** The sentence the handler table would send for this input. */
function sentence(channel: ChannelName, input: unknown): string {
  const parsed = channels[channel].input.safeParse(input);
  if (parsed.success) throw new Error(`${channel} accepted the input`);
  return describeValidation(parsed.error.issues);
}

const f = { assessmentId: 'a1', id: 'f1' };

describe('validation failures read as sentences', () => {
  it.each([
    [
      'findings.update',
      { ...f, patch: { due: '31.3.2027' } },
      'The due date is not valid. Use a date like 2027-03-31.',
    ],
    ['findings.update', { ...f, patch: { title: '   ' } }, 'The title must not be empty.'],
    ['findings.update', { ...f, patch: { severity: 'huge' } }, 'The severity is not valid.'],
    [
      'findings.update',
      { ...f, patch: { owner: 'x'.repeat(201) } },
      'The owner is too long (at most 200 characters).',
    ],
    ['findings.update', { ...f, patch: { scope: { kind: 'zone' } } }, 'The scope is not valid.'],
    ['findings.create', { assessmentId: 'a1', severity: 'low' }, 'The title is missing.'],
    [
      'zones.update',
      { ...f, patch: { slTarget: { FR1: 1, FR2: 1, FR3: 5, FR4: 1, FR5: 1, FR6: 1, FR7: 1 } } },
      'The SL-T of FR3 must be at most 4.',
    ],
    [
      'assessments.update',
      { id: 'a1', patch: { smsTargetMaturity: 7 } },
      'The target maturity must be at most 4.',
    ],
    [
      'assessments.update',
      { id: 'a1', patch: { scopeStatement: 'x'.repeat(20_001) } },
      'The scope statement is too long (at most 20000 characters).',
    ],
    ['conduits.update', { ...f, patch: { protocols: [''] } }, 'Entry 1 of the protocols must not be empty.'],
    [
      'keys.create',
      { name: 'Ana', passphrase: 'short' },
      'The passphrase is not valid. Use a passphrase of at least 8 characters.',
    ],
    [
      'keys.exportPublic',
      { name: 'Ana', file: '/tmp/a.pem', outDir: '/tmp' },
      'Give a folder or a file, not both.',
    ],
    ['evidence.addNote', { assessmentId: 'a1', text: '  ' }, 'The note must not be empty.'],
  ] as const)('%s: %j', (channel, input, expected) => {
    expect(sentence(channel, input)).toBe(expected);
  });

  it('says a refused unknown key is a fault in Zonewalk, without naming the schema', () => {
    const text = sentence('findings.update', { ...f, patch: { title: 'x', id: 'f1', evidence: [] } });
    expect(text).toBe(
      'Zonewalk sent a request this action does not accept, so nothing was changed. This is a fault in Zonewalk: please report it.',
    );
    expect(text).not.toMatch(/patch|Unrecognized|evidence/);
  });

  it('says a bad identifier is not the user’s typing', () => {
    expect(sentence('findings.update', { assessmentId: 'a b', id: 'f1', patch: {} })).toMatch(
      /^Zonewalk sent an identifier it cannot use, so nothing was changed\./,
    );
    expect(sentence('findings.update', 'DROP TABLE finding')).toMatch(/^Zonewalk sent a request/);
  });
});

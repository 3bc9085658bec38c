import type { VerifyReport } from '../../shared/contract/packages';
import { cell } from '../terminalText';

const MARK = { pass: 'ok  ', fail: 'FAIL', warn: 'warn' } as const;

/** The report as a terminal reads it: one line per check, the files that failed, the verdict. */
export function formatVerifyReport(r: VerifyReport, maxReasons = 5): string {
  const lines: string[] = [cell(r.file), ''];
  for (const c of r.checks)
    lines.push(`  ${MARK[c.status]}  ${c.label}${c.status === 'pass' ? '' : `: ${cell(c.detail)}`}`);
  const bad = r.files.filter((f) => f.status !== 'ok');
  if (r.files.length) {
    lines.push('', `Files: ${r.files.length - bad.length} of ${r.files.length} ok`);
    for (const f of bad)
      lines.push(`  ${f.status.padEnd(10)} ${cell(f.path)}${f.detail ? ` (${cell(f.detail)})` : ''}`);
  }
  if (r.signer) {
    lines.push(
      '',
      `Signer: ${r.signer.fingerprint}${r.signer.trusted ? ` (trusted: ${cell(r.signer.name ?? '')})` : ' (NOT in your trust list)'}`,
    );
  }
  lines.push('');
  switch (r.verdict) {
    case 'valid-trusted':
      lines.push('VALID: the package is intact and signed by a trusted key.');
      break;
    case 'valid-untrusted':
      lines.push(
        'VALID but the signer is not trusted: compare the fingerprint with the auditor, then add their key with `zonewalk trust add`.',
      );
      break;
    default:
      lines.push(`${r.verdict === 'invalid' ? 'INVALID' : 'UNREADABLE'}:`);
      for (const reason of r.reasons.slice(0, maxReasons)) lines.push(`  - ${cell(reason)}`);
      if (r.reasons.length > maxReasons) lines.push(`  ... and ${r.reasons.length - maxReasons} more`);
  }
  return `${lines.join('\n')}\n`;
}

import path from 'node:path';
import { parseArgs } from 'node:util';
import { REDACTION_PROFILES, type RedactionProfileName } from '../../core/redaction/profiles';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { readPassphrase } from '../passphrase';

export const packageCommand: CliCommand = {
  name: 'package',
  usage: 'package ID --out DIR --key NAME [--redaction none|management|vendor] [--vendor V]',
  summary: 'Write the signed audit package of an assessment (passphrase: ZONEWALK_PASSPHRASE or a prompt)',
  async run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        key: { type: 'string' },
        redaction: { type: 'string', default: 'none' },
        vendor: { type: 'string' },
        quiet: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('package needs the assessment ID');
    if (!values.out) throw new UsageError('package needs --out DIR');
    if (!values.key) throw new UsageError('package needs --key NAME');
    const redaction = values.redaction as RedactionProfileName;
    if (!REDACTION_PROFILES.includes(redaction)) {
      throw new UsageError(`--redaction must be one of ${REDACTION_PROFILES.join(', ')}`);
    }
    if (redaction === 'vendor' && !values.vendor) throw new UsageError('--redaction vendor needs --vendor V');
    const services = ctx.services();
    services.assessments.require(positionals[0]);
    const passphrase = await readPassphrase(ctx.io, `Passphrase for signing key "${values.key}": `);
    let last = -1;
    const result = await services.exports.exportNow(
      {
        assessmentId: positionals[0],
        outputs: { package: true, gapRegister: false, report: false },
        redaction,
        vendor: values.vendor,
        keyName: values.key,
        passphrase,
        outDir: path.resolve(values.out),
      },
      (s) => {
        if (values.quiet || !s.bytesTotal) return;
        const pct = Math.floor((100 * s.bytesDone) / s.bytesTotal);
        if (pct !== last && pct % 10 === 0) ctx.io.stderr(`${s.phase}: ${pct}%\n`);
        last = pct;
      },
    );
    const pkg = result.files.find((f) => f.kind === 'package');
    ctx.io.stdout(`${pkg?.path}\n`);
    ctx.io.stderr(
      `Signed by ${result.signerName}: ${result.signerFingerprint}\nRedaction: ${result.redaction}\n`,
    );
    return 0;
  },
};

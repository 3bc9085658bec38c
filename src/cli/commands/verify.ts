import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../../main/db/openDatabase';
import { trustResolver } from '../../main/services/package/trust';
import { verifyPackage } from '../../main/services/package/verify';
import { AppError } from '../../shared/errors';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { formatVerifyReport } from './verifyText';

export const verifyCommand: CliCommand = {
  name: 'verify',
  readOnly: true,
  usage: 'verify FILE [--trust PEM]... [--json]',
  summary:
    'Check a signed audit package: exit 0 valid and trusted, 3 signer not trusted, 1 invalid, 2 unreadable',
  async run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { trust: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('verify needs exactly one package file');
    const given = (values.trust ?? []).map((file) => {
      try {
        return { name: path.basename(file), pem: fs.readFileSync(file, 'utf8') };
      } catch {
        throw new AppError('not-found', `The trusted key file ${file} cannot be read.`);
      }
    });
    // Only an existing workspace is consulted: verifying on a recipient's machine creates nothing.
    const hasWorkspace = fs.existsSync(path.join(ctx.dataDir, DB_FILE_NAME));
    const trustOf = trustResolver(hasWorkspace ? ctx.services().signing : undefined, given);
    const report = await verifyPackage(path.resolve(positionals[0]), { trustOf });
    ctx.io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyReport(report));
    return report.exitCode;
  },
};

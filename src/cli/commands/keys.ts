import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import type { CliCommand, CliContext } from '../command';
import { UsageError } from '../command';
import { readPassphrase } from '../passphrase';
import { cell } from '../terminalText';

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('not-found', `${file} cannot be read.`);
  }
}

/** Group or others may read it (POSIX only: Windows has no such mode bits). */
function readableByOthers(file: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (fs.statSync(file).mode & 0o044) !== 0;
  } catch {
    return false;
  }
}

async function keys(ctx: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      out: { type: 'string' },
      private: { type: 'boolean' },
      public: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const signing = ctx.services().signing;
  const one = (what: string) => {
    if (positionals.length !== 1) throw new UsageError(`keys ${sub} needs ${what}`);
    return positionals[0];
  };
  switch (sub) {
    case 'list': {
      const list = signing.list();
      if (values.json) ctx.io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0)
        ctx.io.stdout('No signing keys yet. Create one with: zonewalk keys create NAME\n');
      else
        ctx.io.stdout(`${list.map((k) => `${cell(k.name)}\t${k.fingerprint}\t${k.createdAt}`).join('\n')}\n`);
      return 0;
    }
    case 'create': {
      const name = one('a NAME');
      const pass = await readPassphrase(ctx.io, `Passphrase for the new key "${name}": `, true);
      if (pass.length < 8) throw new UsageError('use a passphrase of at least 8 characters');
      const key = signing.create(name, pass);
      ctx.io.stdout(`${key.name}\t${key.fingerprint}\n`);
      return 0;
    }
    case 'export': {
      const name = one('a NAME');
      const out = path.resolve(values.out ?? '.');
      const file = values.private
        ? signing.exportPrivate(name, { outDir: out })
        : signing.exportPublic(name, { outDir: out });
      ctx.io.stdout(`${file.path}\n`);
      return 0;
    }
    case 'import': {
      const file = one('an encrypted private key FILE');
      if (!values.name) throw new UsageError('keys import needs --name');
      if (readableByOthers(file)) {
        ctx.io.stderr(
          `warning: ${file} can be read by other users of this computer. After the import, delete it or make it private (chmod 600).\n`,
        );
      }
      const pass = await readPassphrase(ctx.io, `Passphrase of ${path.basename(file)}: `);
      const key = signing.importPrivate(
        values.name,
        readFile(file),
        pass,
        values.public && readFile(values.public),
      );
      ctx.io.stdout(`${key.name}\t${key.fingerprint}\n`);
      return 0;
    }
    case 'delete': {
      ctx.io.stdout(`deleted ${signing.delete(one('a NAME')).deleted}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown keys command '${sub ?? ''}'`);
  }
}

export const keysCommand: CliCommand = {
  name: 'keys',
  usage:
    'keys list | create NAME | export NAME [--private] [--out DIR] | import FILE --name N [--public PEM] | delete NAME',
  summary: 'Signing keys (Ed25519); passphrases come from ZONEWALK_PASSPHRASE or a prompt',
  run: keys,
};

export const trustCommand: CliCommand = {
  name: 'trust',
  usage: 'trust list | add PEM --name N | remove FINGERPRINT',
  summary: "Other auditors' public keys whose packages you trust",
  run(ctx, args) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const signing = ctx.services().signing;
    if (sub === 'list') {
      const list = signing.trustList();
      if (values.json) ctx.io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0)
        ctx.io.stdout('No trusted keys yet. Add one with: zonewalk trust add KEY.pem --name "Name"\n');
      else ctx.io.stdout(`${list.map((k) => `${cell(k.name)}\t${k.fingerprint}`).join('\n')}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(`trust ${sub ?? ''} needs one argument`);
    if (sub === 'add') {
      if (!values.name) throw new UsageError('trust add needs --name');
      const k = signing.trustAdd(values.name, readFile(positionals[0]));
      ctx.io.stdout(`${k.name}\t${k.fingerprint}\n`);
      return 0;
    }
    if (sub === 'remove') {
      ctx.io.stdout(`removed ${signing.trustRemove(positionals[0]).removed}\n`);
      return 0;
    }
    throw new UsageError(`unknown trust command '${sub ?? ''}'`);
  },
};

import type { CliIo } from './command';
import { UsageError } from './command';

/** ZONEWALK_PASSPHRASE, else an interactive prompt without echo; never an argument (it would sit in shell history). */
export async function readPassphrase(io: CliIo, question: string, confirm = false): Promise<string> {
  const fromEnv = io.env.ZONEWALK_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!io.prompt) {
    throw new UsageError('no passphrase: set ZONEWALK_PASSPHRASE or run in a terminal to be asked for it');
  }
  const first = await io.prompt(question);
  if (confirm && (await io.prompt('Repeat the passphrase: ')) !== first) {
    throw new UsageError('the two passphrases differ');
  }
  return first;
}

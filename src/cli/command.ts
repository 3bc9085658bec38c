import type { Services } from '../main/services';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads a secret (passphrase) from the terminal; absent when not interactive. */
  prompt?: (question: string) => Promise<string>;
}

export interface CliContext {
  io: CliIo;
  dataDir: string;
  /** Opens the workspace on first use, so `--help` never touches the disk. */
  services(): Services;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Never writes: opens the workspace without its start-up clean-up, so it never waits for a writer. */
  readOnly?: boolean;
  run(ctx: CliContext, args: string[]): Promise<number> | number;
}

/** A wrong invocation: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

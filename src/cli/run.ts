import { platformUserDataDir, resolveDataDir } from '../main/dataDir';
import { createServices, type Services } from '../main/services';
import { AppError } from '../shared/errors';
import { type CliCommand, type CliContext, type CliIo, UsageError } from './command';
import { answerCommand, controlCommand } from './commands/answers';
import { createCommand, listCommand } from './commands/assessments';
import { catalogsCommand, importOverlayCommand, removeOverlayCommand } from './commands/catalogs';
import { demoCommand } from './commands/demo';
import { evidenceAddCommand, evidenceAddFolderCommand, evidenceListCommand } from './commands/evidence';
import { exportCommand, importCommand } from './commands/interchange';
import { keysCommand, trustCommand } from './commands/keys';
import { packageCommand } from './commands/package';
import { importRegisterCommand } from './commands/reports';
import { scoreCommand } from './commands/score';
import { trailListCommand, trailVerifyCommand } from './commands/trail';
import { verifyCommand } from './commands/verify';

export const COMMANDS: readonly CliCommand[] = [
  listCommand,
  createCommand,
  packageCommand,
  verifyCommand,
  keysCommand,
  trustCommand,
  importCommand,
  exportCommand,
  importRegisterCommand,
  demoCommand,
  scoreCommand,
  answerCommand,
  controlCommand,
  catalogsCommand,
  importOverlayCommand,
  removeOverlayCommand,
  evidenceAddCommand,
  evidenceAddFolderCommand,
  evidenceListCommand,
  trailVerifyCommand,
  trailListCommand,
];

/** A command is one word ("list") or a group and a verb ("evidence add"). */
function findCommand(name: string, args: string[]): { command?: CliCommand; args: string[] } {
  const pair = COMMANDS.find((c) => c.name === `${name} ${args[0]}`);
  if (pair) return { command: pair, args: args.slice(1) };
  return { command: COMMANDS.find((c) => c.name === name), args };
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'zonewalk - offline IEC 62443 field audits',
    '',
    'Usage: zonewalk [--data-dir DIR] <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    "  --data-dir DIR  the workspace folder (default: $ZONEWALK_DATA_DIR, else the app's data folder)",
    '  --help          show this help',
    '',
  ].join('\n');
}

/** Splits off the global `--data-dir` so commands parse only their own options. */
function splitGlobal(argv: string[]): { globals: string[]; rest: string[] } {
  const globals: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') {
      globals.push(argv[i], argv[i + 1] ?? '');
      i++;
    } else if (argv[i].startsWith('--data-dir=')) globals.push(argv[i]);
    else rest.push(argv[i]);
  }
  return { globals, rest };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { globals, rest } = splitGlobal(argv);
  const [name, ...restArgs] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const found = findCommand(name, restArgs);
  const command = found.command;
  const args = found.args;
  if (!command) {
    const verbs = COMMANDS.filter((c) => c.name.startsWith(`${name} `)).map((c) => c.name.split(' ')[1]);
    io.stderr(
      verbs.length
        ? `zonewalk: '${name}' needs one of: ${verbs.join(', ')}. Run 'zonewalk --help' for the list.\n`
        : `zonewalk: unknown command '${name}'. Run 'zonewalk --help' for the list.\n`,
    );
    return 2;
  }
  if (args.includes('--help')) {
    io.stdout(`Usage: zonewalk ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  if (globals.length && (globals[1] === '' || globals[0] === '--data-dir=')) {
    io.stderr('zonewalk: --data-dir needs a folder\n');
    return 2;
  }
  const dataDir = resolveDataDir(globals, io.env, platformUserDataDir());
  let services: Services | undefined;
  const ctx: CliContext = {
    io,
    dataDir,
    services() {
      services ??= createServices(dataDir);
      return services;
    },
  };
  try {
    return await command.run(ctx, args);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`zonewalk: ${(err as Error).message}\nUsage: zonewalk ${command.usage}\n`);
      return 2;
    }
    const message = err instanceof AppError ? err.message : `unexpected error: ${(err as Error).message}`;
    io.stderr(`zonewalk: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  } finally {
    services?.ws.close();
  }
}

import { terminalSecretPrompt } from './prompt';
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  prompt: terminalSecretPrompt(),
});

#!/usr/bin/env node
// Evidence batches keep several copies and fsyncs in flight; libuv's default of 4 threads would
// leave the CPU idle waiting on the disk. Must be set before the first asynchronous fs call.
process.env.UV_THREADPOOL_SIZE ??= '16';

import { terminalSecretPrompt } from './prompt';
import { runCli } from './run';

// `zonewalk trail list ID | head` closes the pipe early: the reader has what it wanted, no crash to print.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  prompt: terminalSecretPrompt(),
});

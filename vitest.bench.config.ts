import { defineConfig } from 'vitest/config';

// Like the CLI and the app (src/cli/zonewalk.ts, src/main/index.ts): evidence batches keep more
// fs operations in flight than libuv's default 4 threads. Forked workers inherit it.
process.env.UV_THREADPOOL_SIZE ??= '16';

export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
});

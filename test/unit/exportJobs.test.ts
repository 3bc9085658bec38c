import { describe, expect, it } from 'vitest';
import { ExportJobs } from '../../src/main/services/package/exportJobs';
import { AppError } from '../../src/shared/errors';

describe('export jobs at quit', () => {
  it('cancelAll stops every running export and waits until each has cleaned up', async () => {
    const jobs = new ExportJobs(() => {});
    const cleaned: string[] = [];
    const running = (name: string) =>
      jobs.start(
        (ctx) =>
          new Promise((_resolve, reject) =>
            ctx.signal.addEventListener('abort', () =>
              // The partial file goes a moment after the abort, as the package writer's does.
              setTimeout(() => {
                cleaned.push(name);
                reject(new AppError('cancelled', 'The export was cancelled. Nothing was written.'));
              }, 20),
            ),
          ),
      );
    const a = running('a');
    const b = running('b');
    const done = jobs.start(async () => ({ files: [] }) as never);
    await jobs.wait(done.jobId);
    await jobs.cancelAll();
    expect(cleaned.sort()).toEqual(['a', 'b']);
    expect(jobs.status(a.jobId).state).toBe('cancelled');
    expect(jobs.status(b.jobId).state).toBe('cancelled');
    expect(jobs.status(done.jobId).state).toBe('done');
  });
});

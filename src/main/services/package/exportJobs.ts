import { randomBytes } from 'node:crypto';
import type { ExportResult, ExportStatus } from '../../../shared/contract/packages';
import { AppError } from '../../../shared/errors';

export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, bytesDone?: number, bytesTotal?: number): void;
}

interface Job {
  status: ExportStatus;
  controller: AbortController;
  finished: Promise<void>;
}

const KEEP_FINISHED = 20;

/**
 * Long exports run in the background; the window polls their status (IPC and the e2e bridge are
 * request/response only) and may cancel them. Finished jobs are kept a while for the last poll.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly log: (err: unknown) => void = console.error) {}

  start(run: (ctx: JobContext) => Promise<ExportResult>): ExportStatus {
    const jobId = randomBytes(8).toString('hex');
    const controller = new AbortController();
    const status: ExportStatus = { jobId, state: 'running', phase: 'Starting', bytesDone: 0, bytesTotal: 0 };
    const ctx: JobContext = {
      signal: controller.signal,
      progress(phase, bytesDone, bytesTotal) {
        status.phase = phase;
        if (bytesDone !== undefined) status.bytesDone = bytesDone;
        if (bytesTotal !== undefined) status.bytesTotal = bytesTotal;
      },
    };
    const finished = run(ctx).then(
      (result) => {
        status.state = 'done';
        status.phase = 'Done';
        status.result = result;
      },
      (err: unknown) => {
        const cancelled = controller.signal.aborted || (err instanceof AppError && err.code === 'cancelled');
        status.state = cancelled ? 'cancelled' : 'failed';
        status.phase = cancelled ? 'Cancelled' : 'Failed';
        if (err instanceof AppError) status.error = { code: err.code, message: err.message };
        else {
          this.log(err);
          status.error = {
            code: 'internal',
            message: 'The export failed inside Zonewalk. Nothing was written.',
          };
        }
      },
    );
    this.jobs.set(jobId, { status, controller, finished });
    this.prune();
    return { ...status };
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', 'This export is no longer known; start it again.');
    return job;
  }

  status(jobId: string): ExportStatus {
    return { ...this.job(jobId).status };
  }

  async cancel(jobId: string): Promise<ExportStatus> {
    const job = this.job(jobId);
    job.controller.abort();
    await job.finished;
    return { ...job.status };
  }

  /** Cancels every running export and waits until each has removed its partial file (app quit). */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running');
    for (const job of running) job.controller.abort();
    await Promise.all(running.map((j) => j.finished));
  }

  /** Resolves when the job has ended, whatever the outcome (tests, CLI). */
  async wait(jobId: string): Promise<ExportStatus> {
    const job = this.job(jobId);
    await job.finished;
    return { ...job.status };
  }

  private prune(): void {
    const done = [...this.jobs].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}

import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Every reply names the request it answers. */
export interface WorkerReply {
  id: number;
}

/**
 * One long-lived worker thread, started on the first request, that answers requests by id. It keeps
 * the process alive only while a request is waiting on it; if it dies, every waiting request gets
 * `failed(message)` and the next request starts a new one.
 */
export function workerRequests<Reply extends WorkerReply>(
  source: () => { code: string; options?: WorkerOptions },
  failed: (message: string) => Omit<Reply, 'id'>,
): (message: Record<string, unknown>, transfer?: ArrayBuffer[]) => Promise<Reply> {
  let worker: Worker | undefined;
  const waiting = new Map<number, (r: Reply) => void>();
  let next = 1;

  function start(): Worker {
    const { code, options } = source();
    const w = new Worker(code, { ...options, eval: true });
    w.on('message', (r: Reply) => {
      const settle = waiting.get(r.id);
      waiting.delete(r.id);
      if (waiting.size === 0) w.unref();
      settle?.(r);
    });
    w.on('error', (err) => {
      worker = undefined;
      for (const [id, settle] of waiting) settle({ ...failed(err.message), id } as Reply);
      waiting.clear();
    });
    w.unref();
    return w;
  }

  return (message, transfer) => {
    worker ??= start();
    const w = worker;
    const id = next++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      w.ref();
      w.postMessage({ ...message, id }, transfer);
    });
  };
}

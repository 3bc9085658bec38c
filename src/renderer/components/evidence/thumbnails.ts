import { call } from '../../api';

// Thumbnails are made once in main and cached there; here they are fetched once per session, a few
// at a time, and only for tiles that scroll into view.

const cache = new Map<string, string | null>();
const waiting: { sha256: string; resolve: (v: string | null) => void }[] = [];
const inFlight = new Map<string, Promise<string | null>>();
let running = 0;
const MAX_PARALLEL = 4;

function pump(): void {
  while (running < MAX_PARALLEL && waiting.length) {
    const job = waiting.shift();
    if (!job) return;
    running++;
    call('evidence.thumbnail', { sha256: job.sha256 })
      .then(
        (r) => r.dataUrl,
        () => null,
      )
      .then((url) => {
        cache.set(job.sha256, url);
        job.resolve(url);
        running--;
        pump();
      });
  }
}

export function cachedThumbnail(sha256: string): string | null | undefined {
  return cache.get(sha256);
}

export function loadThumbnail(sha256: string): Promise<string | null> {
  if (cache.has(sha256)) return Promise.resolve(cache.get(sha256) ?? null);
  let p = inFlight.get(sha256);
  if (!p) {
    p = new Promise<string | null>((resolve) => {
      waiting.push({ sha256, resolve });
      pump();
    });
    inFlight.set(sha256, p);
    void p.finally(() => inFlight.delete(sha256));
  }
  return p;
}

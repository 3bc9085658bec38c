/**
 * Runs `fn` over `items` with at most `limit` at a time, never more than `ahead` items past the
 * first one not yet consumed; returns one promise per item, in order. The consumer calls
 * `consumed(n)` as it takes results, which lets the lanes run further.
 */
export function pipeline<T, R>(
  items: T[],
  limit: number,
  ahead: number,
  fn: (item: T) => Promise<R>,
): { results: Promise<R>[]; consumed: (n: number) => void; stop: () => void } {
  const settle: ((r: Promise<R>) => void)[] = [];
  const results = items.map(() => new Promise<R>((resolve) => settle.push(resolve)));
  // A failure is seen by whoever awaits that result; the rest may never be awaited after a stop.
  for (const r of results) r.catch(() => {});
  let next = 0;
  let taken = 0;
  let wake: (() => void)[] = [];
  const lane = async () => {
    while (next < items.length) {
      if (next >= taken + ahead) {
        await new Promise<void>((r) => wake.push(r));
        continue;
      }
      const i = next++;
      const r = fn(items[i]);
      settle[i](r);
      await r.catch(() => {});
    }
  };
  for (let l = 0; l < Math.min(limit, items.length); l++) void lane();
  return {
    results,
    consumed(n) {
      taken = n;
      const w = wake;
      wake = [];
      for (const f of w) f();
    },
    stop() {
      next = items.length;
      this.consumed(items.length);
    },
  };
}

import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection now. Used once per package export, between the PDF (whose layout
 * leaves about 100 MB of garbage) and the gap register (whose library then loads): V8 collects
 * when it sees fit, and when it has not yet, the two add up in the process's peak memory.
 */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

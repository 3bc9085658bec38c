import { FRS, type SlVector } from './domain';

// Locale-free number formats the window and the command line both print.

const MiB = 1024 * 1024;

/** A file size in the unit that fits it: 512 B, 3.4 KiB, 120 MiB, 4.00 GiB. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MiB) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;
  if (n < 1024 * MiB) return `${(n / MiB).toFixed(n < 10 * MiB ? 1 : 0)} MiB`;
  return `${(n / 1024 / MiB).toFixed(2)} GiB`;
}

/** SL vectors read as "2 2 2 1 3 1 2" in FR order. */
export function formatSl(v: SlVector): string {
  return FRS.map((fr) => v[fr]).join(' ');
}

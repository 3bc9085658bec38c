import { AppError } from '../../shared/errors';

/** Formats a byte count the way a user reads it: `812 KB`, `12.4 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Decodes a file sent from the window as base64, refusing anything over `maxBytes` before decoding
 * it, so a huge file costs neither memory nor time.
 */
export function decodeFileBytes(
  file: { fileName: string; base64: string },
  maxBytes: number,
  what: string,
): Buffer {
  const size = Math.floor((file.base64.length * 3) / 4);
  if (size > maxBytes + 2) {
    throw new AppError(
      'too-large',
      `${file.fileName} is ${formatBytes(size)}; ${what} may be at most ${formatBytes(maxBytes)}. Nothing was imported.`,
    );
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.base64) || file.base64.length % 4 === 1) {
    throw new AppError('invalid-input', `${file.fileName} did not arrive intact (not base64). Try again.`);
  }
  return Buffer.from(file.base64, 'base64');
}

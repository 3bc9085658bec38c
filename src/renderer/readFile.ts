import { MAX_WINDOW_BYTES } from '../shared/contract/evidence';
import { UserError } from './api';

// The one way the window reads a picked, dropped, pasted or captured file into what a handler takes.

const MiB = 1024 * 1024;

/** The text of a file the user picked, for small files such as PEM keys. */
export function readTextFile(file: File): Promise<string> {
  if (file.size > 20_000) return Promise.reject(new UserError(`${file.name} is too large for a key file.`));
  return file.text().catch(() => {
    throw new UserError(`${file.name} could not be read: choose it again.`);
  });
}

/** The bytes of a blob in base64; `name` says which file in the error sentence. */
export function blobToBase64(blob: Blob, name = 'The file'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // A data: URL is the browser's own base64 encoder, and far faster than btoa over a byte string.
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new UserError(`${name} could not be read: choose it again.`));
    reader.readAsDataURL(blob);
  });
}

/** A picked or dropped file as the contract's `fileBytes` expects it: its name and its bytes in base64. */
export async function readFileBytes(file: File): Promise<{ fileName: string; base64: string }> {
  if (file.size > MAX_WINDOW_BYTES) {
    throw new UserError(
      `${file.name} is larger than ${MAX_WINDOW_BYTES / MiB} MiB, the most a file chosen here can be.`,
    );
  }
  return { fileName: file.name.slice(0, 255), base64: await blobToBase64(file, file.name) };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorMessage, UserError } from '../../../src/renderer/api';
import { readFileBytes, readTextFile } from '../../../src/renderer/readFile';
import { MAX_WINDOW_BYTES } from '../../../src/shared/contract/evidence';

// Node has File but no FileReader: this one answers as Chromium's does (a data: URL), or fails.
function stubFileReader(fail = false) {
  class FakeReader {
    result: string | null = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    readAsDataURL(blob: Blob) {
      void blob.arrayBuffer().then((buf) => {
        if (fail) return this.onerror?.();
        this.result = `data:${blob.type || 'application/octet-stream'};base64,${Buffer.from(buf).toString('base64')}`;
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('FileReader', FakeReader);
}

/** A File that says it is `size` bytes long without holding them. */
function sized(name: string, size: number): File {
  const f = new File(['x'], name);
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading a file in the window', () => {
  it("gives the contract's fileBytes: the name (at most 255 characters) and the bytes in base64", async () => {
    stubFileReader();
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
    expect(await readFileBytes(new File([bytes], 'register.xlsx'))).toEqual({
      fileName: 'register.xlsx',
      base64: Buffer.from(bytes).toString('base64'),
    });
    const long = `${'a'.repeat(300)}.csv`;
    expect((await readFileBytes(new File(['x'], long))).fileName).toBe(long.slice(0, 255));
  });

  it('refuses a file above the window limit with a sentence naming it, before reading it', async () => {
    stubFileReader(true);
    await expect(readFileBytes(sized('plant.csv', MAX_WINDOW_BYTES))).rejects.toThrow(/could not be read/);
    const tooLarge = readFileBytes(sized('plant.csv', MAX_WINDOW_BYTES + 1));
    await expect(tooLarge).rejects.toBeInstanceOf(UserError);
    await expect(tooLarge).rejects.toThrow(
      'plant.csv is larger than 64 MiB, the most a file chosen here can be.',
    );
  });

  it('says which file could not be read', async () => {
    stubFileReader(true);
    const failed = await readFileBytes(new File(['x'], 'overlay.json')).catch((e: unknown) => e);
    expect(errorMessage(failed)).toBe('overlay.json could not be read: choose it again.');
  });

  it('reads a key file as text, and refuses one too large to be a key', async () => {
    expect(await readTextFile(new File(['-----BEGIN PUBLIC KEY-----'], 'a.pem'))).toBe(
      '-----BEGIN PUBLIC KEY-----',
    );
    const big = await readTextFile(sized('disk.img', 20_001)).catch((e: unknown) => e);
    expect(errorMessage(big)).toBe('disk.img is too large for a key file.');
  });
});

describe('errorMessage', () => {
  it("shows a handler's sentence and the window's own, and hides anything else behind a generic one", () => {
    expect(errorMessage(new ApiError({ code: 'not-found', message: 'No zone with id z9.' }))).toBe(
      'No zone with id z9.',
    );
    expect(errorMessage(new UserError('a.pem is too large for a key file.'))).toBe(
      'a.pem is too large for a key file.',
    );
    expect(errorMessage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      'Something went wrong. Your data was not changed; try again.',
    );
  });
});

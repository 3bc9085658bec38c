import type { CatalogOverlay } from '../../core/catalog/overlay';
import { jsonPath } from '../../shared/catalog';
import { catalogOverlaySchema, MAX_OVERLAY_BYTES } from '../../shared/catalogOverlay';
import { AppError } from '../../shared/errors';
import { formatBytes } from './fileBytes';

const NOTHING = 'Nothing was imported.';

/** Reads an overlay file's bytes into a schema-valid overlay; every refusal names the file and where. */
export function parseOverlayFile(bytes: Uint8Array, fileName: string): CatalogOverlay {
  if (bytes.byteLength > MAX_OVERLAY_BYTES) {
    throw new AppError(
      'too-large',
      `${fileName} is ${formatBytes(bytes.byteLength)}; a catalog overlay may be at most ${formatBytes(MAX_OVERLAY_BYTES)}. ${NOTHING}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('invalid-file', `${fileName} is not a text file (not UTF-8). ${NOTHING}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError(
      'invalid-file',
      `${fileName} is not valid JSON (${(err as Error).message}). ${NOTHING}`,
      { fileName },
    );
  }
  const parsed = catalogOverlaySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = jsonPath(issue.path);
    const hint =
      issue.path[0] === 'format'
        ? 'it is not a Zonewalk catalog overlay (expected "format": "zonewalk.catalog-overlay/1")'
        : issue.message;
    throw new AppError(
      'invalid-file',
      `${fileName} is not a valid catalog overlay at ${where}: ${hint}. ${NOTHING}`,
      {
        fileName,
        path: where,
      },
    );
  }
  return parsed.data;
}

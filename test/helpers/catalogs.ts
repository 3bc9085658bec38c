import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, CatalogPart } from '../../src/core/catalog/types';
import { CatalogService } from '../../src/main/services/catalogs';

export const CATALOG_DIR = path.resolve('resources/catalogs');

let shipped: CatalogService | undefined;
/** The shipped catalogs, loaded and validated once per test file. */
export function shippedCatalogs(): CatalogService {
  shipped ??= new CatalogService(CATALOG_DIR);
  return shipped;
}

export function catalog(part: CatalogPart): Catalog {
  return shippedCatalogs().byPart(part);
}

/** The raw JSON of a shipped catalog file, for tests that break it on purpose. */
export function rawCatalog(
  part: CatalogPart,
): { requirements: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, `iec-62443-${part}.json`), 'utf8'));
}

interface FixtureReq {
  id: string;
  fr: string;
  title: string;
  kind: string;
  parent: string | null;
  sl: number[];
  component_types?: string[];
}
interface Fixture21 {
  id: string;
  kind: 'element group' | 'requirement';
  spe: string;
  parent?: string;
  title: string;
}
export interface ReferenceFixture {
  meta: {
    iec62443_3_3: { counts: Record<string, number | Record<string, number>> };
    iec62443_4_2: { counts: Record<string, number> };
  };
  iec62443_3_3: FixtureReq[];
  iec62443_4_2: FixtureReq[];
  other_parts: { iec62443_2_1_2024: Fixture21[] };
}

/** The reference facts (ids, titles, levels) copied from the shared reference, so the tests stand alone. */
export const reference: ReferenceFixture = JSON.parse(
  fs.readFileSync(path.resolve('test/fixtures/iec-62443-requirements.json'), 'utf8'),
);

export interface OverlayEntryInput {
  id: string;
  text?: string;
  sl?: number[];
}

/** An overlay document; the texts are stand-ins, never the standard's words. */
export function overlayDoc(
  catalogId: string,
  entries: OverlayEntryInput[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    format: 'zonewalk.catalog-overlay/1',
    catalog: catalogId,
    name: 'Test licence pack',
    version: '2026.1',
    entries,
    ...extra,
  };
}

/** Licensed-text stand-ins for every id of a catalog. */
export function textEntries(
  part: CatalogPart,
  filter: (id: string) => boolean = () => true,
): OverlayEntryInput[] {
  return catalog(part)
    .requirements.filter((r) => filter(r.id))
    .map((r) => ({ id: r.id, text: `Licensed wording of ${r.id} (test stand-in).` }));
}

/** A file as the window sends it (`file`), and its bytes. */
export function asFile(content: string | Uint8Array | Record<string, unknown>, fileName = 'overlay.json') {
  const bytes =
    typeof content === 'string' || content instanceof Uint8Array
      ? Buffer.from(content)
      : Buffer.from(JSON.stringify(content, null, 2));
  return { file: { fileName, base64: bytes.toString('base64') }, bytes };
}

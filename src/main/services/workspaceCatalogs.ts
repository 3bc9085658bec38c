import type Database from 'better-sqlite3';
import { applyOverlay, type OverlaidCatalog } from '../../core/catalog/overlay';
import {
  type OverlayChainVerdict,
  type OverlayEventFields,
  overlayEventHash,
  overlayGenesis,
  type StoredOverlayEvent,
  verifyOverlayHistory,
} from '../../core/catalog/overlayHistory';
import { type Catalog, type CatalogPart, isChecklistItem } from '../../core/catalog/types';
import type {
  CatalogSummary,
  CatalogVersion,
  CatalogView,
  OverlayImportResult,
  OverlayInfo,
  StaleOverlay,
} from '../../shared/contract/catalogs';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import type { CatalogService } from './catalogs';
import { sha256Hex } from './hash';
import { parseOverlayFile } from './overlayFile';

interface OverlayRow {
  catalog_id: string;
  name: string;
  version: string;
  file_name: string;
  sha256: string;
  file: Buffer;
  entries: number;
  texts: number;
  corrections: number;
  imported_at: string;
  imported_by: string;
}

export interface OverlayEvent extends OverlayEventFields {
  action: 'imported' | 'replaced' | 'removed';
}

interface Effective extends OverlaidCatalog {
  overlay: OverlayInfo | null;
  stale: StaleOverlay | null;
}

const NOTHING = 'Nothing was imported.';
const partName = (c: Catalog) => `IEC 62443-${c.part}`;

function infoOf(r: OverlayRow): OverlayInfo {
  return {
    catalogId: r.catalog_id,
    name: r.name,
    version: r.version,
    fileName: r.file_name,
    sha256: r.sha256,
    entries: r.entries,
    texts: r.texts,
    corrections: r.corrections,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
  };
}

function listIds(ids: string[], max = 10): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}

/**
 * The catalogs as this workspace uses them: the shipped, validated catalogs with the licensed
 * overlay of each (if one was imported) applied. `byId`/`byPart`/`catalogs` mirror CatalogService
 * so every checklist and score is judged by the corrected levels.
 */
export class WorkspaceCatalogs {
  private readonly rowStmt: Database.Statement;
  private readonly cache = new Map<string, Effective>();
  private cachedVersion = -1;

  constructor(
    readonly shipped: CatalogService,
    private readonly ws: Workspace,
  ) {
    this.rowStmt = ws.db.prepare('SELECT * FROM catalog_overlay WHERE catalog_id = ?');
  }

  get catalogs(): readonly Catalog[] {
    return this.shipped.catalogs.map((c) => this.effective(c).catalog);
  }

  byId(id: string): Catalog {
    return this.effective(this.shipped.byId(id)).catalog;
  }

  byPart(part: CatalogPart): Catalog {
    return this.effective(this.shipped.byPart(part)).catalog;
  }

  /** The official text of one requirement, when a licensed overlay provides it. */
  licensedText(catalogId: string, requirementId: string): string | undefined {
    return this.effective(this.shipped.byId(catalogId)).licensedText.get(requirementId);
  }

  overlay(catalogId: string): OverlayInfo | null {
    return this.effective(this.shipped.byId(catalogId)).overlay;
  }

  /** For reports: which edition of each catalog and which overlay the results were judged by. */
  catalogVersions(): CatalogVersion[] {
    return this.shipped.catalogs.map((c) => {
      const o = this.effective(c).overlay;
      return {
        catalogId: c.id,
        edition: c.edition,
        overlay: o && { name: o.name, version: o.version, importedAt: o.importedAt, sha256: o.sha256 },
      };
    });
  }

  summaries(): CatalogSummary[] {
    return this.shipped.catalogs.map((c) => {
      const e = this.effective(c);
      return {
        id: c.id,
        part: c.part,
        title: c.title,
        edition: c.edition,
        scale: c.scale,
        requirements: c.requirements.length,
        checklistItems: c.requirements.filter(isChecklistItem).length,
        overlay: e.overlay,
        staleOverlay: e.stale,
      };
    });
  }

  view(catalogId: string): CatalogView {
    const e = this.effective(this.shipped.byId(catalogId));
    return {
      ...e.catalog,
      overlay: e.overlay,
      staleOverlay: e.stale,
      requirements: e.catalog.requirements.map((r) => {
        const licensedText = e.licensedText.get(r.id);
        const shippedSl = e.shippedSl.get(r.id);
        return {
          ...r,
          ...(licensedText === undefined ? {} : { licensedText }),
          ...(shippedSl === undefined ? {} : { shippedSl }),
        };
      }),
    };
  }

  /** Validates the whole file first; applies it (replacing any earlier overlay) only if all of it fits. */
  importOverlay(bytes: Uint8Array, fileName: string): OverlayImportResult {
    const overlay = parseOverlayFile(bytes, fileName);
    const catalog = this.shipped.catalogs.find((c) => c.id === overlay.catalog);
    if (!catalog) {
      const samePart = this.shipped.catalogs.find(
        (c) => c.id.split(':')[0] === overlay.catalog.split(':')[0],
      );
      throw new AppError(
        'invalid-file',
        samePart
          ? `${fileName} is for ${overlay.catalog}, but Zonewalk's catalog is the edition ${samePart.id}. ${NOTHING}`
          : `${fileName} is for catalog ${overlay.catalog}, which Zonewalk does not have (it has ${this.shipped.catalogs.map((c) => c.id).join(', ')}). ${NOTHING}`,
        { fileName, catalog: overlay.catalog },
      );
    }
    const verdict = applyOverlay(catalog, overlay);
    if (!verdict.ok) {
      const { unknownIds, problems } = verdict;
      if (unknownIds.length) {
        const n = unknownIds.length;
        throw new AppError(
          'invalid-file',
          `${fileName} names ${n} requirement${n === 1 ? '' : 's'} that ${partName(catalog)} does not have: ${listIds(unknownIds)}. ${NOTHING}`,
          { fileName, unknownIds, problems },
        );
      }
      const [first] = problems;
      throw new AppError(
        'invalid-file',
        `${fileName} cannot be applied at ${first.path}: ${first.message}. ${NOTHING}`,
        { fileName, path: first.path, problems },
      );
    }
    const row: OverlayRow = {
      catalog_id: catalog.id,
      name: overlay.name,
      version: overlay.version,
      file_name: fileName,
      sha256: sha256Hex(bytes),
      file: Buffer.from(bytes),
      entries: overlay.entries.length,
      texts: verdict.licensedText.size,
      corrections: verdict.shippedSl.size,
      imported_at: this.ws.now(),
      imported_by: this.ws.actor(),
    };
    const replaced = this.write(() => {
      const before = this.rowStmt.get(catalog.id) as OverlayRow | undefined;
      this.ws.db
        .prepare(
          `INSERT INTO catalog_overlay (catalog_id, name, version, file_name, sha256, file, entries, texts,
             corrections, imported_at, imported_by)
           VALUES (@catalog_id, @name, @version, @file_name, @sha256, @file, @entries, @texts, @corrections,
             @imported_at, @imported_by)
           ON CONFLICT (catalog_id) DO UPDATE SET name = excluded.name, version = excluded.version,
             file_name = excluded.file_name, sha256 = excluded.sha256, file = excluded.file,
             entries = excluded.entries, texts = excluded.texts, corrections = excluded.corrections,
             imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
        )
        .run(row);
      this.logEvent(before ? 'replaced' : 'imported', row, row.imported_at, row.imported_by);
      return before ? infoOf(before) : null;
    });
    return { catalogId: catalog.id, applied: row.entries, overlay: infoOf(row), replaced };
  }

  removeOverlay(catalogId: string): { removed: OverlayInfo } {
    const catalog = this.shipped.byId(catalogId);
    const removed = this.write(() => {
      const row = this.rowStmt.get(catalog.id) as OverlayRow | undefined;
      if (!row) throw new AppError('not-found', `No licensed overlay is loaded for ${partName(catalog)}.`);
      this.ws.db.prepare('DELETE FROM catalog_overlay WHERE catalog_id = ?').run(catalog.id);
      this.logEvent('removed', row, this.ws.now(), this.ws.actor());
      return infoOf(row);
    });
    return { removed };
  }

  /** Every import, replacement and removal in this workspace, oldest first. */
  history(): OverlayEvent[] {
    return this.ws.db
      .prepare(
        `SELECT seq, at, actor, action, catalog_id AS catalogId, name, version, file_name AS fileName, sha256,
           entries, corrections FROM catalog_overlay_event ORDER BY seq`,
      )
      .all() as OverlayEvent[];
  }

  /**
   * Appends to the hash-chained overlay history and records the change in the trail of every
   * assessment judged by this catalog (read-only review copies excepted): an overlay changes their
   * results, so their own history must say when and by which file.
   */
  private logEvent(action: OverlayEvent['action'], r: OverlayRow, at: string, actor: string): void {
    const stored = this.storedHistory();
    const prev = overlayHead(stored);
    const last = this.ws.db
      .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'catalog_overlay_event'")
      .pluck()
      .get() as number | undefined;
    const fields = {
      seq: Math.max(last ?? 0, stored.at(-1)?.seq ?? 0) + 1,
      at,
      actor,
      action,
      catalogId: r.catalog_id,
      name: r.name,
      version: r.version,
      fileName: r.file_name,
      sha256: r.sha256,
      entries: r.entries,
      corrections: r.corrections,
    };
    const hash = overlayEventHash(prev, fields, sha256Hex);
    this.ws.db
      .prepare(
        `INSERT INTO catalog_overlay_event (seq, at, actor, action, catalog_id, name, version, file_name, sha256,
           entries, corrections, prev, hash)
         VALUES (@seq, @at, @actor, @action, @catalogId, @name, @version, @fileName, @sha256, @entries,
           @corrections, @prev, @hash)`,
      )
      .run({ ...fields, prev, hash });
    const judged = this.ws.db
      .prepare(
        `SELECT id FROM assessment
         WHERE EXISTS (SELECT 1 FROM json_each(assessment.catalogs) WHERE value = ?)
           AND id NOT IN (SELECT assessment_id FROM package_import WHERE kind = 'review')`,
      )
      .pluck()
      .all(r.catalog_id) as string[];
    const data = {
      catalog: r.catalog_id,
      name: r.name,
      version: r.version,
      fileName: r.file_name,
      sha256: r.sha256,
      corrections: r.corrections,
      overlayEvent: { seq: fields.seq, hash },
    };
    for (const id of judged) {
      this.ws.change(
        id,
        { ...TRAIL_ACTIONS[action], entity: 'catalog', entityId: r.catalog_id, data },
        () => {},
      );
    }
  }

  private storedHistory(): StoredOverlayEvent[] {
    return this.ws.db
      .prepare(
        `SELECT seq, at, actor, action, catalog_id AS catalogId, name, version, file_name AS fileName, sha256,
           entries, corrections, prev, hash FROM catalog_overlay_event ORDER BY seq`,
      )
      .all() as StoredOverlayEvent[];
  }

  /** Recomputes the overlay history's hash chain; names the first event that does not fit. */
  verifyHistory(): OverlayChainVerdict {
    return verifyOverlayHistory(this.storedHistory(), sha256Hex);
  }

  private write<T>(fn: () => T): T {
    try {
      return this.ws.write(fn);
    } finally {
      this.cache.clear();
    }
  }

  /** Cached per catalog; `data_version` tells when another connection (the CLI) changed the file. */
  private effective(catalog: Catalog): Effective {
    const version = this.ws.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.cachedVersion) {
      this.cache.clear();
      this.cachedVersion = version;
    }
    let e = this.cache.get(catalog.id);
    if (!e) {
      e = this.load(catalog);
      this.cache.set(catalog.id, e);
    }
    return e;
  }

  private load(catalog: Catalog): Effective {
    const plain: Effective = {
      catalog,
      licensedText: new Map(),
      shippedSl: new Map(),
      overlay: null,
      stale: null,
    };
    const row = this.rowStmt.get(catalog.id) as OverlayRow | undefined;
    if (!row) return plain;
    const stale = (problem: string): Effective => ({ ...plain, stale: { ...infoOf(row), problem } });
    if (sha256Hex(row.file) !== row.sha256)
      return stale('the stored file no longer matches its SHA-256; import it again');
    let verdict: ReturnType<typeof applyOverlay>;
    try {
      verdict = applyOverlay(catalog, parseOverlayFile(row.file, row.file_name));
    } catch (err) {
      return stale(err instanceof AppError ? err.message : 'the stored file cannot be read');
    }
    if (!verdict.ok) {
      const p = verdict.problems[0];
      return stale(
        verdict.unknownIds.length
          ? `this version of the catalog no longer has ${listIds(verdict.unknownIds)}`
          : `${p.path}: ${p.message}`,
      );
    }
    return { ...verdict, overlay: infoOf(row), stale: null };
  }
}

/** The hash the next overlay event points to: the stored hash of the last, or the walk over older ones. */
function overlayHead(events: readonly StoredOverlayEvent[]): string {
  let prev = overlayGenesis(sha256Hex);
  for (const e of events) prev = e.hash ?? overlayEventHash(prev, e, sha256Hex);
  return prev;
}

const TRAIL_ACTIONS = {
  imported: { action: 'catalog-overlay.imported' },
  replaced: { action: 'catalog-overlay.replaced' },
  removed: { action: 'catalog-overlay.removed' },
} as const;

export const OVERLAY_FIELD = 'Zonewalk-Catalog-Overlay';

/** The overlays an assessment is judged by, as bag-info.txt names them: `<catalog> sha256:<hex>`. */
export function activeOverlays(db: Database.Database, assessmentId: string): string[] {
  return db
    .prepare(
      `SELECT o.catalog_id || ' sha256:' || o.sha256 FROM catalog_overlay o
       WHERE EXISTS (SELECT 1 FROM assessment a, json_each(a.catalogs) c WHERE a.id = ? AND c.value = o.catalog_id)
       ORDER BY o.catalog_id`,
    )
    .pluck()
    .all(assessmentId) as string[];
}

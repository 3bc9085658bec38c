import { type AssetField, parseComponentType, parseLegacy, suggestMapping } from '../../core/assetImport';
import type { Asset } from '../../core/model';
import type { AssetImportPreview, AssetImportResult } from '../../shared/contract/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import type { AssessmentService } from './assessments';
import type { AssetService } from './assets';
import { readTable, type Table } from './assetTable';
import { sha256Hex } from './hash';
import { newId } from './ids';

export interface ImportFile {
  fileName: string;
  base64: string;
}

/** At most this many row errors are listed; the last line says how many more there are. */
const MAX_LISTED_ERRORS = 500;
const FIELD_WORDS: Record<AssetField, string> = {
  name: 'name',
  zone: 'zone',
  componentType: 'component type',
  vendor: 'vendor',
  model: 'model',
  firmware: 'firmware',
  legacy: 'legacy flag',
};

/** Asset lists from CSV or XLSX: a preview with a guessed column mapping, then all rows or none. */
export class AssetImportService {
  constructor(
    private readonly ws: Workspace,
    private readonly assessments: AssessmentService,
    private readonly assets: AssetService,
  ) {}

  private async read(file: ImportFile): Promise<{ table: Table; bytes: Buffer }> {
    const bytes = Buffer.from(file.base64, 'base64');
    return { table: await readTable(file.fileName, bytes), bytes };
  }

  async preview(assessmentId: string, file: ImportFile): Promise<AssetImportPreview> {
    this.assessments.require(assessmentId);
    const { table } = await this.read(file);
    return {
      columns: table.columns,
      suggestedMapping: suggestMapping(table.columns),
      rowCount: table.rows.length,
      sample: table.rows
        .slice(0, 5)
        .map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? '']))),
    };
  }

  async apply(
    assessmentId: string,
    file: ImportFile,
    mapping: Partial<Record<AssetField, string>>,
    defaultZone?: string,
  ): Promise<AssetImportResult> {
    this.assessments.require(assessmentId);
    const { table, bytes } = await this.read(file);
    const col = this.columnIndexes(table, mapping, defaultZone);
    if (table.rows.length === 0) {
      throw new AppError('invalid-file', `${file.fileName} has a header row but no assets.`);
    }
    const zones = this.ws.db
      .prepare('SELECT id, name FROM zone WHERE assessment_id = ? ORDER BY rowid')
      .all(assessmentId) as { id: string; name: string }[];
    const zoneIds = new Set(zones.map((z) => z.id));
    const byName = new Map<string, string>();
    for (const z of zones)
      if (!byName.has(z.name.trim().toLowerCase())) byName.set(z.name.trim().toLowerCase(), z.id);
    if (defaultZone !== undefined && !zoneIds.has(defaultZone)) {
      throw new AppError('not-found', `No zone with id ${defaultZone} in this assessment.`);
    }

    const errors: AssetImportResult['errors'] = [];
    let errorRows = 0;
    const parsed: Omit<Asset, 'id'>[] = [];
    table.rows.forEach((cells, i) => {
      const cell = (f: AssetField) => {
        const c = col[f];
        return c === undefined ? '' : (cells[c] ?? '').trim();
      };
      const problems: string[] = [];
      const name = cell('name');
      if (!name) problems.push('the name is empty');
      const zoneCell = cell('zone');
      const zone = zoneCell
        ? zoneIds.has(zoneCell)
          ? zoneCell
          : byName.get(zoneCell.toLowerCase())
        : defaultZone;
      if (!zone)
        problems.push(
          zoneCell ? `there is no zone "${zoneCell}" (use a zone's name or id)` : 'no zone given',
        );
      const typeCell = cell('componentType');
      const componentType = parseComponentType(typeCell);
      if (!componentType) {
        problems.push(
          typeCell
            ? `component type "${typeCell}" is not SAR, EDR, HDR or NDR, nor a word like PLC, switch, workstation or application`
            : 'the component type is empty',
        );
      }
      const legacy = parseLegacy(cell('legacy'));
      if (legacy === null) problems.push(`legacy "${cell('legacy')}" is not yes or no`);
      for (const f of ['name', 'vendor', 'model', 'firmware'] as const) {
        if (cell(f).length > 200) problems.push(`the ${FIELD_WORDS[f]} is longer than 200 characters`);
      }
      if (problems.length) {
        errorRows++;
        if (errors.length < MAX_LISTED_ERRORS)
          errors.push({ row: i + 1, message: `${problems.join('; ')}.` });
        return;
      }
      parsed.push({
        name,
        zone: zone!,
        componentType: componentType!,
        vendor: cell('vendor'),
        model: cell('model'),
        firmware: cell('firmware'),
        legacy: legacy!,
        roles: [],
        certificates: [],
        endOfLife: null,
      });
    });
    if (errorRows > 0) {
      if (errorRows > errors.length) {
        errors.push({
          row: table.rows.length,
          message: `…and ${errorRows - errors.length} more rows with errors. Nothing was imported.`,
        });
      }
      return { imported: 0, errors };
    }

    const taken = new Set(
      this.ws.db
        .prepare('SELECT id FROM asset WHERE assessment_id = ?')
        .pluck()
        .all(assessmentId) as string[],
    );
    const assets: Asset[] = parsed.map((a) => {
      const id = newId(a.name, 'asset', (x) => taken.has(x));
      taken.add(id);
      return { id, ...a };
    });
    this.ws.change(
      assessmentId,
      {
        action: 'assets.imported',
        entity: 'asset',
        entityId: file.fileName,
        data: {
          file: file.fileName,
          sha256: sha256Hex(bytes),
          count: assets.length,
          assets: assets.map((a) => a.id),
        },
      },
      () => {
        for (const a of assets) this.assets.insert(assessmentId, a);
      },
    );
    return { imported: assets.length, errors: [] };
  }

  /** Column index per mapped field; a mapping that names a missing column or leaves out a required field is refused. */
  private columnIndexes(
    table: Table,
    mapping: Partial<Record<AssetField, string>>,
    defaultZone: string | undefined,
  ): Partial<Record<AssetField, number>> {
    const out: Partial<Record<AssetField, number>> = {};
    for (const [field, column] of Object.entries(mapping) as [AssetField, string | undefined][]) {
      if (column === undefined || column === '') continue;
      const i = table.columns.indexOf(column);
      if (i < 0) {
        throw new AppError(
          'invalid-input',
          `The column "${column}" chosen for the ${FIELD_WORDS[field]} is not in the file, which has: ${table.columns.join(', ')}.`,
        );
      }
      out[field] = i;
    }
    if (out.name === undefined)
      throw new AppError('invalid-input', 'Choose the column that holds the asset name.');
    if (out.componentType === undefined) {
      throw new AppError(
        'invalid-input',
        'Choose the column that holds the component type (SAR, EDR, HDR, NDR).',
      );
    }
    if (out.zone === undefined && defaultZone === undefined) {
      throw new AppError(
        'invalid-input',
        'Choose the column that holds the zone, or one zone for all assets.',
      );
    }
    return out;
  }
}

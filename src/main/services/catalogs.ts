import path from 'node:path';
import type { Catalog, CatalogPart } from '../../core/catalog/types';
import { AppError } from '../../shared/errors';
import { resolveResourcesDir } from '../resources';
import { loadCatalogs } from './catalogLoader';

/** The three shipped catalogs, validated once at start-up. */
export class CatalogService {
  readonly catalogs: readonly Catalog[];

  constructor(dir: string = path.join(resolveResourcesDir(), 'catalogs')) {
    this.catalogs = loadCatalogs(dir);
  }

  byId(id: string): Catalog {
    const c = this.catalogs.find((x) => x.id === id);
    if (!c) throw new AppError('not-found', `Unknown catalog ${id}.`);
    return c;
  }

  byPart(part: CatalogPart): Catalog {
    const c = this.catalogs.find((x) => x.part === part);
    if (!c) throw new AppError('not-found', `No catalog for IEC 62443-${part} is loaded.`);
    return c;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_FILES, loadCatalogs, parseCatalog } from '../../src/main/services/catalogLoader';
import { CatalogService } from '../../src/main/services/catalogs';
import { AppError } from '../../src/shared/errors';
import { CATALOG_DIR, rawCatalog } from '../helpers/catalogs';
import { tempDir } from '../helpers/workspace';

const FILE = '/opt/zonewalk/resources/catalogs/iec-62443-3-3.json';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the catalog to be refused');
}

/** Parses the shipped 3-3 catalog after `edit` broke it. */
function broken(edit: (c: ReturnType<typeof rawCatalog>) => void): AppError {
  const c = rawCatalog('3-3');
  edit(c);
  return refusal(() => parseCatalog(JSON.stringify(c), FILE));
}

const indexOf = (c: ReturnType<typeof rawCatalog>, id: string) =>
  c.requirements.findIndex((r) => r.id === id);

describe('catalog loading', () => {
  it('loads the three shipped catalogs in a fixed order', () => {
    expect(loadCatalogs(CATALOG_DIR).map((c) => c.id)).toEqual([
      'iec-62443-2-1:2024',
      'iec-62443-3-3:2013',
      'iec-62443-4-2:2019',
    ]);
  });

  it('refuses a file that is not JSON, naming the file and where the parser stopped', () => {
    const text = fs.readFileSync(path.join(CATALOG_DIR, 'iec-62443-3-3.json'), 'utf8');
    const err = refusal(() => parseCatalog(text.slice(0, 5000), FILE));
    expect(err.code).toBe('invalid-file');
    expect(err.message).toContain(FILE);
    expect(err.message).toMatch(/not valid JSON.*position \d+/);
  });

  it('names the JSON path of a wrong type deep inside', () => {
    const err = broken((c) => {
      (c.requirements[57].sl as unknown[])[1] = '3';
    });
    expect(err.code).toBe('invalid-file');
    expect(err.message).toBe(
      `Catalog ${FILE} is broken at requirements[57].sl[1]: Invalid input: expected number, received string`,
    );
    expect(err.details).toEqual({ file: FILE, path: 'requirements[57].sl[1]' });
  });

  it.each([
    [
      'a list that is a string',
      (c: ReturnType<typeof rawCatalog>) => (c.requirements[3].questions = 'Why?'),
      'requirements[3].questions',
    ],
    [
      'an unknown kind',
      (c: ReturnType<typeof rawCatalog>) => (c.requirements[9].kind = 'XR'),
      'requirements[9].kind',
    ],
    [
      'an id not written as the standard does',
      (c: ReturnType<typeof rawCatalog>) => (c.requirements[1].id = 'SR1.1 RE1'),
      'requirements[1].id',
    ],
    [
      'a level of 5',
      (c: ReturnType<typeof rawCatalog>) => (c.requirements[0].sl = [1, 2, 3, 4, 5]),
      'requirements[0].sl',
    ],
    [
      'an unexpected field',
      (c: ReturnType<typeof rawCatalog>) => (c.requirements[2].official = 'x'),
      'requirements[2]',
    ],
    ['no requirements at all', (c: ReturnType<typeof rawCatalog>) => (c.requirements = []), 'requirements'],
    ['a wrong format tag', (c: ReturnType<typeof rawCatalog>) => (c.format = 'zonewalk.catalog/2'), 'format'],
  ])('names the JSON path of %s', (_name, edit, where) => {
    const err = broken(edit);
    expect(err.message).toMatch(
      new RegExp(`^Catalog ${FILE} is broken at ${where.replace(/[[\].]/g, '\\$&')}: `),
    );
    expect((err.details as { path: string }).path).toBe(where);
  });

  it('refuses a duplicate id at the second occurrence', () => {
    const err = broken((c) => {
      c.requirements[5].id = c.requirements[4].id;
    });
    expect(err.message).toBe(
      `Catalog ${FILE} is broken at requirements[5].id: duplicate id ${rawCatalog('3-3').requirements[4].id}`,
    );
    expect(err.details).toMatchObject({ file: FILE, path: 'requirements[5].id' });
  });

  it('refuses a parent that does not exist', () => {
    let at = -1;
    const err = broken((c) => {
      at = indexOf(c, 'SR 2.1 RE 2');
      c.requirements[at].parent = 'SR 2.99';
    });
    expect(err.message).toBe(
      `Catalog ${FILE} is broken at requirements[${at}].parent: SR 2.1 RE 2 names parent SR 2.99, which does not exist`,
    );
  });

  it('refuses an enhancement required below its parent, and levels that are not cumulative', () => {
    const wide = broken((c) => {
      c.requirements[indexOf(c, 'SR 1.1')].sl = [3, 4];
    });
    expect(wide.message).toMatch(
      /requirements\[1\]\.sl: SR 1\.1 RE 1 is required at levels its parent SR 1\.1 is not$/,
    );
    const gap = broken((c) => {
      c.requirements[indexOf(c, 'SR 1.1')].sl = [1, 3, 4];
    });
    expect(gap.message).toMatch(
      /requirements\[0\]\.sl: SR 1\.1 levels must be cumulative and sorted \(1,2,3,4\)$/,
    );
  });

  it('refuses a checklist item with no guidance, question or evidence', () => {
    for (const field of ['guidance', 'questions', 'evidence'] as const) {
      const err = broken((c) => {
        c.requirements[7][field] = field === 'guidance' ? '  ' : [];
      });
      expect(err.message, field).toContain(`requirements[7].${field}: `);
    }
  });

  it('names a missing catalog file and refuses to start rather than run without it', () => {
    const dir = tempDir();
    for (const f of CATALOG_FILES.slice(0, 2)) fs.copyFileSync(path.join(CATALOG_DIR, f), path.join(dir, f));
    const err = refusal(() => new CatalogService(dir));
    expect(err.message).toBe(
      `Catalog ${path.join(dir, 'iec-62443-4-2.json')} is missing. Reinstall Zonewalk.`,
    );
  });

  it('names the broken file among the three', () => {
    const dir = tempDir();
    for (const f of CATALOG_FILES) fs.copyFileSync(path.join(CATALOG_DIR, f), path.join(dir, f));
    const c = rawCatalog('4-2');
    c.requirements[100].componentTypes = ['PLC'];
    fs.writeFileSync(path.join(dir, 'iec-62443-4-2.json'), JSON.stringify(c));
    const err = refusal(() => loadCatalogs(dir));
    expect(err.message).toContain(
      `Catalog ${path.join(dir, 'iec-62443-4-2.json')} is broken at requirements[100].componentTypes[0]`,
    );
  });
});

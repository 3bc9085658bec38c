import fs from 'node:fs';
import path from 'node:path';
import { catalogStructureProblems } from '../../core/catalog/structure';
import type { Catalog } from '../../core/catalog/types';
import { catalogSchema, jsonPath } from '../../shared/catalog';
import { AppError } from '../../shared/errors';

export const CATALOG_FILES = ['iec-62443-2-1.json', 'iec-62443-3-3.json', 'iec-62443-4-2.json'] as const;

/** Parses and validates one catalog; any problem names the file and the JSON path. */
export function parseCatalog(text: string, file: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid-file', `Catalog ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid-file',
      `Catalog ${file} is broken at ${jsonPath(issue.path)}: ${issue.message}`,
      {
        file,
        path: jsonPath(issue.path),
      },
    );
  }
  const problems = catalogStructureProblems(parsed.data);
  if (problems.length) {
    const [first] = problems;
    throw new AppError('invalid-file', `Catalog ${file} is broken at ${first.path}: ${first.message}`, {
      file,
      path: first.path,
      problems,
    });
  }
  return parsed.data;
}

export function loadCatalogs(dir: string): Catalog[] {
  return CATALOG_FILES.map((name) => {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new AppError('invalid-file', `Catalog ${file} is missing. Reinstall Zonewalk.`);
    }
    return parseCatalog(text, file);
  });
}

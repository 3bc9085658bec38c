import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../src/main/services/package/verify';
import type { AssetImportResult } from '../../src/shared/contract/model';
import { AppError } from '../../src/shared/errors';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

// Arbitrary documents at every importer: each answers with a result or a clear typed error, and a
// refused input leaves the workspace exactly as it was.

const RUNS = Number(process.env.ZONEWALK_FUZZ_RUNS ?? 150);
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

function counts(services: ReturnType<typeof openTestWorkspace>['services']) {
  const db = services.ws.db;
  return ['assessment', 'zone', 'asset', 'response', 'finding', 'audit_event', 'evidence'].map(
    (t) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number,
  );
}

/** JSON that looks roughly like our documents, with arbitrary values in it. */
const documentish = fc
  .record(
    {
      format: fc.oneof(
        fc.constant('zonewalk.assessment/1'),
        fc.constant('zonewalk.catalog-overlay/1'),
        fc.string(),
      ),
      assessment: fc.anything({ maxDepth: 3 }),
      catalog: fc.oneof(fc.constant('iec-62443-3-3:2013'), fc.string()),
      entries: fc.array(
        fc.record({
          id: fc.oneof(fc.constant('SR 1.1'), fc.string()),
          text: fc.string(),
          sl: fc.anything({ maxDepth: 1 }),
        }),
        { maxLength: 3 },
      ),
      zones: fc.anything({ maxDepth: 3 }),
      responses: fc.anything({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));
const text = fc.oneof(documentish, fc.string({ maxLength: 300 }), fc.json());

describe('importer fuzzing', () => {
  it('interchange import: typed error or a new assessment, never half of one', () => {
    const { services } = openTestWorkspace();
    fc.assert(
      fc.property(text, (doc) => {
        const before = counts(services);
        try {
          services.interchange.import(doc);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).not.toBe('internal');
          expect(counts(services)).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('catalog overlay import: typed error, nothing applied', async () => {
    const { table, services } = openTestWorkspace();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          text,
          fc.uint8Array({ maxLength: 200 }).map((u) => Buffer.from(u).toString('latin1')),
        ),
        async (doc) => {
          const before = services.ws.db.prepare('SELECT COUNT(*) FROM sqlite_master').pluck().get();
          const r = await table['catalogs.importOverlay']({
            file: { fileName: 'overlay.json', base64: b64(doc) },
          });
          if (!r.ok) expect(r.error.code).not.toBe('internal');
          expect(services.ws.db.prepare('SELECT COUNT(*) FROM sqlite_master').pluck().get()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('asset CSV/XLSX import: per-row errors or a clear refusal, never a partial import', async () => {
    const { table, services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'Fuzz' });
    services.zones.create(a.id, {
      name: 'Control',
      description: '',
      slTarget: { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 },
    });
    const csv = fc
      .array(
        fc.array(
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('PLC', 'Control', 'NDR', '=1+1', '"')),
          { maxLength: 5 },
        ),
        { maxLength: 6 },
      )
      .map((rows) => ['Name,Zone,Type', ...rows.map((r) => r.join(','))].join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csv,
          fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u).toString('latin1')),
        ),
        fc.constantFrom('assets.csv', 'assets.xlsx'),
        async (body, fileName) => {
          const file = { fileName, base64: b64(body) };
          const before = services.assets.list(a.id).length;
          const r = await table['assets.importApply']({
            assessmentId: a.id,
            file,
            mapping: { name: 'Name', zone: 'Zone', componentType: 'Type' },
          });
          if (!r.ok) expect(r.error.code).not.toBe('internal');
          else if ((r.value as AssetImportResult).errors.length)
            expect(services.assets.list(a.id).length).toBe(before);
          else
            expect(services.assets.list(a.id).length).toBe(before + (r.value as AssetImportResult).imported);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('package verifier: arbitrary and mutated zips are reported, never thrown, nothing written', async () => {
    const seed = fs.readFileSync(path.resolve('test/fixtures/hostile/external-links.xlsx'));
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .record({
              at: fc.nat(seed.length - 1),
              byte: fc.integer({ min: 0, max: 255 }),
              cut: fc.nat(seed.length),
            })
            .map(({ at, byte, cut }) => {
              const b = Buffer.from(seed);
              b[at] = byte;
              return b.subarray(0, Math.max(cut, 22));
            }),
        ),
        async (bytes) => {
          const file = path.join(dir, 'fuzz.audit.zip');
          fs.writeFileSync(file, bytes);
          const report = await verifyPackage(file);
          expect([1, 2]).toContain(report.exitCode);
          expect(report.reasons.length).toBeGreaterThan(0);
          expect(report.reasons[0]).toMatch(/\S/);
          expect(fs.readdirSync(dir)).toEqual(['fuzz.audit.zip']);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

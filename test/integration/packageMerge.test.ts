import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MergePreview } from '../../src/shared/contract/imports';
import { flipByte, rezip, sha256, unzipInto } from '../helpers/packages';
import { addEvidence, exporterFor, jonasPackage, PASS, twoAuditors } from '../helpers/twoAuditors';
import { ok, tempDir } from '../helpers/workspace';

describe('merging a colleague package, as two auditors would', () => {
  it('previews, refuses to write before every conflict is decided, then merges keeping both trails', async () => {
    const t = twoAuditors();
    const photo = Buffer.from('notes on the control cabinet\n');
    const sha = await addEvidence(t.jonas.services, t.assessmentId, 'cabinet.txt', photo, {
      kind: 'asset',
      id: t.plc.id,
    });
    const pkg = await jonasPackage(t.jonas, t.assessmentId, tempDir());

    const table = t.ana.table;
    const preview = await ok<MergePreview>(
      table['packages.mergePreview']({ path: pkg, assessmentId: t.assessmentId }),
    );
    expect(preview.sameAssessment).toBe(true);
    expect(preview.signerTrusted).toBe(false);
    expect(preview.adds).toEqual({
      zones: 0,
      conduits: 0,
      assets: 1,
      responses: 1,
      findings: 0,
      evidence: 1,
    });
    expect(preview.conflicts.map((c) => c.label)).toEqual(['SR 1.1 for zone Intake']);
    const conflict = preview.conflicts[0];
    expect(conflict.kind === 'response' && [conflict.mine.result, conflict.theirs.result]).toEqual([
      'met',
      'not-met',
    ]);

    const before = t.ana.services.ws.trail.list(t.assessmentId).length;
    const undecided = await table['packages.mergeApply']({
      path: pkg,
      assessmentId: t.assessmentId,
      tagManifestSha256: preview.tagManifestSha256,
      decisions: {},
    });
    expect(undecided).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Nothing was merged: 1 conflict has no decision yet: SR 1.1 for zone Intake.',
      },
    });
    expect(t.ana.services.ws.trail.list(t.assessmentId)).toHaveLength(before);
    expect(t.ana.services.assets.list(t.assessmentId)).toEqual([]);

    const merged = await ok(
      table['packages.mergeApply']({
        path: pkg,
        assessmentId: t.assessmentId,
        tagManifestSha256: preview.tagManifestSha256,
        decisions: { [conflict.key]: 'theirs' },
      }),
    );
    expect(merged).toMatchObject({ taken: 1, kept: 0, added: { assets: 1, responses: 1, evidence: 1 } });
    const doc = t.ana.services.interchange.exportDocument(t.assessmentId);
    expect(doc.assets.map((a) => a.name)).toEqual(['PLC-7']);
    const sr11 = doc.responses.find((r) => r.requirement === 'SR 1.1');
    expect(sr11).toMatchObject({ result: 'not-met', comment: 'Shared operator account on the HMI' });
    expect(doc.responses.find((r) => r.requirement === 'SR 1.2')?.result).toBe('met');
    expect(doc.evidence.map((e) => e.sha256)).toEqual([sha]);
    expect(fs.readFileSync(path.join(t.ana.dir, 'evidence', sha.slice(0, 2), sha))).toEqual(photo);

    const trail = t.ana.services.ws.trail.list(t.assessmentId);
    expect(trail.at(-1)).toMatchObject({
      action: 'package.merged',
      data: {
        package: path.basename(pkg),
        tagManifestSha256: preview.tagManifestSha256,
        signer: preview.signerFingerprint,
        decisions: [{ item: conflict.key, decision: 'theirs' }],
      },
    });
    expect(t.ana.services.ws.trail.verify(t.assessmentId).ok).toBe(true);
    const record = t.ana.services.ws.db.prepare('SELECT trail FROM package_import').pluck().get() as string;
    const jonasTrail = t.jonas.services.ws.trail.list(t.assessmentId);
    expect(
      record
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).hash),
    ).toEqual(jonasTrail.filter((e) => e.action !== 'package.exported').map((e) => e.hash));
    expect(await ok(table['packages.imports']({ assessmentId: t.assessmentId }))).toEqual([
      expect.objectContaining({ kind: 'merge', signerFingerprint: preview.signerFingerprint }),
    ]);

    // Merging the same package again finds nothing new and nothing in conflict.
    const again = await ok<MergePreview>(
      table['packages.mergePreview']({ path: pkg, assessmentId: t.assessmentId }),
    );
    expect(again.conflicts).toEqual([]);
    expect(Object.values(again.adds).every((n) => n === 0)).toBe(true);
  });

  it('keeps mine when decided so, and names the decision in the merge event', async () => {
    const t = twoAuditors();
    const pkg = await jonasPackage(t.jonas, t.assessmentId, tempDir());
    const preview = await t.ana.services.imports.mergePreview(pkg, t.assessmentId);
    await t.ana.services.imports.mergeApply(pkg, t.assessmentId, preview.tagManifestSha256, {
      [preview.conflicts[0].key]: 'mine',
    });
    const sr11 = t.ana.services.interchange
      .exportDocument(t.assessmentId)
      .responses.find((r) => r.requirement === 'SR 1.1');
    expect(sr11?.result).toBe('met');
    expect(t.ana.services.ws.trail.list(t.assessmentId).at(-1)?.data).toMatchObject({ kept: 1, taken: 0 });
  });

  it('refuses a tampered package, a redacted one and one that changed since the preview; nothing is written', async () => {
    const t = twoAuditors();
    const out = tempDir();
    const pkg = await jonasPackage(t.jonas, t.assessmentId, out);
    const work = tempDir();
    unzipInto(pkg, work);
    const bag = path.join(work, path.basename(pkg, '.zip'));
    flipByte(path.join(bag, 'data/assessment.json'), 40);
    const tampered = path.join(tempDir(), 'tampered.audit.zip');
    rezip(work, tampered);
    const before = t.ana.services.ws.trail.list(t.assessmentId).length;
    await expect(t.ana.services.imports.mergePreview(tampered, t.assessmentId)).rejects.toThrow(
      'The package does not verify, so nothing was imported: data/assessment.json was changed (its SHA-256 is not the one in the manifest).',
    );
    await expect(t.ana.services.imports.review(tampered)).rejects.toThrow(/does not verify/);

    const preview = await t.ana.services.imports.mergePreview(pkg, t.assessmentId);
    await expect(
      t.ana.services.imports.mergeApply(pkg, t.assessmentId, sha256('other'), {
        [preview.conflicts[0].key]: 'mine',
      }),
    ).rejects.toThrow('The package file changed since the merge was previewed. Preview it again.');

    const redacted = await exporterFor(t.jonas.services).exportNow({
      assessmentId: t.assessmentId,
      outputs: { package: true, gapRegister: false, report: false },
      redaction: 'management',
      keyName: 'Jonas',
      passphrase: PASS,
      outDir: tempDir(),
    });
    await expect(t.ana.services.imports.mergePreview(redacted.files[0].path, t.assessmentId)).rejects.toThrow(
      'This package is redacted (management), so it does not hold the whole assessment; open it for review instead of merging it.',
    );
    expect(t.ana.services.ws.trail.list(t.assessmentId)).toHaveLength(before);
    expect(t.ana.services.ws.db.prepare('SELECT COUNT(*) FROM package_import').pluck().get()).toBe(0);
  });
});

describe('opening a package for review', () => {
  it('imports a read-only copy that refuses edits but can be deleted', async () => {
    const t = twoAuditors();
    const pkg = await jonasPackage(t.jonas, t.assessmentId, tempDir());
    const review = await ok<{ assessmentId: string; title: string }>(
      t.ana.table['packages.review']({ path: pkg }),
    );
    expect(review.assessmentId).not.toBe(t.assessmentId);
    expect(review.title).toBe('Waterworks Nord 2026 (copy)');
    const s = t.ana.services;
    expect(s.imports.isReviewCopy(review.assessmentId)).toBe(true);
    expect(s.interchange.exportDocument(review.assessmentId).assets.map((a) => a.name)).toEqual(['PLC-7']);
    expect(() => s.assessments.rename(review.assessmentId, 'Mine now')).toThrow(
      /^This assessment is a read-only review copy of a signed package; it cannot be edited\./,
    );
    const edit = await t.ana.table['zones.create']({
      assessmentId: review.assessmentId,
      name: 'Sneaky zone',
      slTarget: { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      s.zones
        .list(review.assessmentId)
        .map((z) => z.name)
        .sort(),
    ).toEqual(['Control room', 'Intake']);
    // The original assessment stays editable.
    expect(s.assessments.rename(t.assessmentId, 'Still mine').title).toBe('Still mine');
    await expect(s.imports.mergePreview(pkg, review.assessmentId)).rejects.toThrow(/read-only review copy/);
    expect(s.assessments.delete(review.assessmentId)).toEqual({ deleted: review.assessmentId });
  });
});

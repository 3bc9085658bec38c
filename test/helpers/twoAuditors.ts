import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { uniformSl } from '../../src/core/domain';
import type { EvidenceTarget } from '../../src/core/evidenceTargets';
import type { Services } from '../../src/main/services';
import { ExportService } from '../../src/main/services/package/exportService';
import { workspaceExportSources } from '../../src/main/services/package/workspaceSources';
import { openTestWorkspace } from './workspace';

export const PASS = 'correct horse battery';

/** Report writers that need no catalogs or fonts: the package machinery is what is under test. */
const stubReport = async (_d: unknown, _c: unknown, out: Writable) => {
  await new Promise<void>((resolve) => out.write('report', () => resolve()));
};

export function exporterFor(s: Services): ExportService {
  return new ExportService(
    s.ws,
    s.signing,
    { ...workspaceExportSources(s), writeGapRegister: stubReport, writeFindingsReport: stubReport },
    () => {},
    (id) => s.imports.isReviewCopy(id),
  );
}

/** Adds an evidence file through the evidence service, optionally linked. */
export async function addEvidence(
  s: Services,
  assessmentId: string,
  fileName: string,
  bytes: Buffer,
  target?: EvidenceTarget,
): Promise<string> {
  return (await s.evidence.addBytes(assessmentId, { fileName, bytes, target })).item.sha256;
}

/**
 * Ana sets up an assessment with two zones and hands a copy to Jonas (interchange JSON). Each then
 * walks part of the plant on their own laptop; both answer SR 1.1 of the intake zone, differently.
 */
export function twoAuditors() {
  const ana = openTestWorkspace();
  const jonas = openTestWorkspace();
  const a = ana.services.assessments.create({ title: 'Waterworks Nord 2026', site: 'Nordhafen' });
  const intake = ana.services.zones.create(a.id, { name: 'Intake', slTarget: uniformSl(2) });
  const control = ana.services.zones.create(a.id, { name: 'Control room', slTarget: uniformSl(3) });
  jonas.services.interchange.import(ana.services.interchange.exportJson(a.id), { source: 'handover.json' });
  ana.services.responses.set(a.id, { kind: 'zone', id: intake.id }, 'SR 1.1', { result: 'met' });
  ana.services.responses.set(a.id, { kind: 'zone', id: intake.id }, 'SR 1.2', { result: 'met' });
  jonas.services.responses.set(a.id, { kind: 'zone', id: intake.id }, 'SR 1.1', {
    result: 'not-met',
    comment: 'Shared operator account on the HMI',
  });
  jonas.services.responses.set(a.id, { kind: 'zone', id: control.id }, 'SR 2.1', { result: 'partially-met' });
  const plc = jonas.services.assets.create(a.id, {
    name: 'PLC-7',
    zone: control.id,
    componentType: 'EDR',
    vendor: 'Siemens',
  });
  ana.services.signing.create('Ana', PASS);
  jonas.services.signing.create('Jonas', PASS);
  return { ana, jonas, assessmentId: a.id, intake, control, plc };
}

export async function jonasPackage(
  j: ReturnType<typeof twoAuditors>['jonas'],
  assessmentId: string,
  out: string,
) {
  const result = await exporterFor(j.services).exportNow({
    assessmentId,
    outputs: { package: true, gapRegister: false, report: false },
    redaction: 'none',
    keyName: 'Jonas',
    passphrase: PASS,
    outDir: out,
  });
  const file = result.files[0].path;
  if (!fs.existsSync(file)) throw new Error('no package');
  return path.resolve(file);
}

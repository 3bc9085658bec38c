import type { Page } from 'playwright-core';
import { createServices } from '../../src/main/services';
import { buildDemo } from '../../src/main/services/demo';
import { seedModel } from '../helpers/evidence';
import { tempDataDir } from './harness';

export interface Shot {
  name: string;
  hash: string;
  waitFor: string;
  /** Shown in this theme (default light). */
  theme?: 'light' | 'dark';
  /** Brings the screen into the state worth showing (open a file, a palette) after it has loaded. */
  prepare?: (page: Page) => Promise<void>;
  /** A CSS selector that must match (e.g. loaded thumbnails) before the picture is taken. */
  waitForSelector?: string;
}

const IMPORT_CSV = [
  'Tag,Device type,Manufacturer,Model,Firmware,Zone,Legacy',
  'PLC-FLT-03,EDR,Siemens,S7-1500 CPU 1515-2 PN,V2.9.4,Filtration,no',
  'HMI-FLT-02,HDR,Siemens,SIMATIC IPC477E,Windows 10 LTSC 2019,Filtration,no',
  'SW-FLT-02,NDR,Hirschmann,RSP35,09.1.00,Filtration,no',
  'RTU-INT-01,EDR,Schneider Electric,SCADAPack 474,8.16.2,Filtration,yes',
].join('\n');

/** A workspace with enough in it to make each screen meaningful; areas append their screens here. */
export async function seedScreenshotWorkspace(
  dir: string,
): Promise<{ assessmentId: string; screens: Shot[] }> {
  const s = createServices(dir);
  s.assessments.create({
    title: 'Refinery Süd turnaround audit',
    site: 'Ingolstadt',
    organisation: 'Bayern Chemie AG',
  });
  s.assessments.create({ title: 'Pump station 4', site: 'Hafen Ost', organisation: 'Stadtwerke Nord' });
  const a = s.assessments.create({
    title: 'Waterworks Nord 2026',
    site: 'Nordhafen treatment plant',
    organisation: 'Stadtwerke Nord',
  });
  s.assessments.update(a.id, {
    assessors: [{ name: 'Ana Kovač' }, { name: 'Jonas Weber' }],
    startDate: '2026-11-23',
    endDate: '2026-11-27',
    scopeStatement:
      'Raw water intake, filtration, chlorination and the SCADA control room, including remote access.',
  });
  await seedEvidence(s, a.id);
  const pkg = await seedSigning(s, a.id, dir);
  // The water treatment works of `zonewalk demo`, walked part-way: the field screens show it.
  const demo = buildDemo(s);
  const zones = s.zones.list(demo.id);
  const assets = s.assets.list(demo.id);
  const scada = zones.find((z) => /scada/i.test(z.name)) ?? zones[0];
  const hmi = assets.find((x) => x.name === 'HMI-OP02') ?? assets[0];
  const finding = s.findings.list(demo.id)[0];
  const d = (rest: string) => `#/a/${demo.id}/${rest}`;
  s.ws.close();
  return {
    assessmentId: a.id,
    screens: [
      { name: 'home', hash: '#/', waitFor: 'Waterworks Nord 2026' },
      { name: 'assessment-details', hash: '#/a/{id}/details', waitFor: 'Assessment details' },
      {
        name: 'evidence',
        hash: '#/a/{id}/evidence',
        waitFor: 'cabinet-3-door.jpg',
        waitForSelector: '[data-testid="thumbnail-img"] >> nth=4',
      },
      { name: 'catalog-browser', hash: '#/catalogs/3-3/SR%201.1', waitFor: 'Questions to ask' },
      { name: 'signing-keys', hash: '#/keys', waitFor: 'Trusted auditors' },
      { name: 'package-export', hash: '#/a/{id}/export', waitFor: 'What to export' },
      { name: 'verify', hash: `#/verify/${encodeURIComponent(pkg)}`, waitFor: 'Valid: nothing changed' },
      // After the other screens of this assessment, so the answers it gives show nowhere else.
      { name: 'history', hash: '#/a/{id}/history', waitFor: 'Audit trail intact', prepare: changeAnAnswer },
      { name: 'dashboard', hash: d('overview'), waitFor: 'Gap by zone and FR' },
      { name: 'zones', hash: d('zones'), waitFor: 'Conduits' },
      { name: 'asset-checklist', hash: d(`zones/asset:${hmi.id}`), waitFor: 'Questions to ask' },
      {
        name: 'zone-checklist-dark',
        hash: d(`zones/zone:${scada.id}`),
        waitFor: 'Questions to ask',
        theme: 'dark',
      },
      { name: 'organisation', hash: d('organisation'), waitFor: 'Questions to ask' },
      { name: 'findings', hash: d('findings'), waitFor: finding.title },
      { name: 'finding-drawer', hash: d(`findings/finding:${finding.id}`), waitFor: 'Edit finding' },
      {
        name: 'asset-import',
        hash: d('zones/import'),
        waitFor: 'Import assets',
        prepare: async (page) => {
          await page.getByLabel(/A CSV or Excel/).setInputFiles({
            name: 'filtration-assets.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(IMPORT_CSV),
          });
          await page.getByText('Which column holds what?').waitFor();
        },
      },
      {
        name: 'command-palette',
        hash: d('overview'),
        waitFor: 'Gap by zone and FR',
        prepare: async (page) => {
          await page.keyboard.press('Control+k');
          await page.keyboard.type('plc');
          await page.getByRole('option').first().waitFor();
        },
      },
      {
        name: 'export',
        hash: d('export'),
        waitFor: 'Import a filled-in gap register',
        prepare: async (page) => {
          await page.getByRole('button', { name: 'Export both' }).click();
          await page.getByText('Wrote the findings report').waitFor({ timeout: 30_000 });
        },
      },
    ],
  };
}

/** On the control room's checklist: the first requirement not met, then met; back to the History. */
async function changeAnAnswer(page: Page): Promise<void> {
  const history = page.url();
  await page.goto(history.replace(/\/history$/, '/zones/zone:z1'));
  const current = page.locator('.answer-title .req-id');
  await current.waitFor();
  const first = (await current.textContent()) ?? '';
  // Exact: the next item's id ("SR 1.1 RE 1") can start with this one's.
  const exactly = new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.keyboard.press('3');
  await page.locator('.answer-title .req-id', { hasNotText: exactly }).waitFor();
  await page.keyboard.press('k');
  await page.locator('.answer-title .req-id', { hasText: exactly }).waitFor();
  await page.keyboard.press('1');
  await page.locator('.answer-title .req-id', { hasNotText: exactly }).waitFor();
  await page.goto(history);
  await page.getByText('Changed answer').waitFor();
  // The top bar's progress follows the score, which is recomputed a moment after the last answer.
  await page.locator('[aria-label="Overall progress"][aria-valuenow="1"]').waitFor();
}

/** Photos, a screenshot, a config file and a note, some linked, for the evidence screen. */
async function seedEvidence(s: ReturnType<typeof createServices>, id: string): Promise<void> {
  const hasZones = (
    s.ws.db.prepare('SELECT count(*) AS n FROM zone WHERE assessment_id = ?').get(id) as { n: number }
  ).n;
  if (!hasZones) seedModel(s, id);
  const scenes = [
    { bg: '#5b6b7a', fg: '#d9dde2', label: 'CABINET 3' },
    { bg: '#2f3b45', fg: '#7fb069', label: 'PLC RACK' },
    { bg: '#8a8f94', fg: '#c0392b', label: 'FW-01' },
    { bg: '#1d2b53', fg: '#f5f5f5', label: 'HMI LOGIN' },
    { bg: '#444', fg: '#f1c40f', label: 'PATCH 12' },
  ];
  const names = [
    'cabinet-3-door.jpg',
    'plc-rack.jpg',
    'firewall-label.jpg',
    'hmi-login.jpg',
    'patch-panel.jpg',
  ];
  const { default: sharp } = await import('sharp');
  for (const [i, name] of names.entries()) {
    const { bg, fg, label } = scenes[i];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="${bg}"/>
      <rect x="80" y="60" width="480" height="360" rx="12" fill="none" stroke="${fg}" stroke-width="10"/>
      <rect x="130" y="120" width="150" height="90" fill="${fg}" opacity="0.6"/>
      <rect x="330" y="120" width="180" height="240" fill="${fg}" opacity="0.3"/>
      <text x="130" y="330" font-family="sans-serif" font-size="48" font-weight="700" fill="${fg}">${label}</text></svg>`;
    const photo = sharp(Buffer.from(svg)).jpeg({ quality: 80 });
    // The first photo carries a camera serial number, so the privacy warning shows.
    const bytes = await (i === 0
      ? photo.withExif({ IFD0: { Make: 'Canon' }, IFD2: { BodySerialNumber: 'SN-4471' } })
      : photo
    ).toBuffer();
    const { item } = await s.evidence.addBytes(id, { fileName: name, bytes, kind: 'photo' });
    if (i < 3)
      s.evidence.link(id, item.sha256, {
        kind: 'response',
        scope: { kind: 'zone', id: 'z1' },
        requirement: 'SR 1.1',
      });
  }
  await s.evidence.addBytes(id, {
    fileName: 'switch-core-01.cfg',
    bytes: Buffer.from('hostname core-01\nvlan 10\n name OT-CELL-1\n'),
    target: { kind: 'asset', id: 'a1' },
  });
  await s.evidence.addNote(id, {
    title: 'Remote access',
    text: 'The integrator connects through a TeamViewer session on the engineering station.',
  });
}

/** Ana's signing key, Jonas's public key in the trust list, and a package Ana signed. */
async function seedSigning(s: ReturnType<typeof createServices>, id: string, dir: string): Promise<string> {
  s.signing.create('Ana Kovač', 'screenshot passphrase');
  const { generateKeyPairSync } = await import('node:crypto');
  const jonas = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  s.signing.trustAdd('Jonas Weber', jonas);
  const result = await s.exports.exportNow({
    assessmentId: id,
    outputs: { package: true, gapRegister: false, report: false },
    redaction: 'none',
    keyName: 'Ana Kovač',
    passphrase: 'screenshot passphrase',
    outDir: `${dir}/exports`,
  });
  return result.files[0].path;
}

/** A licensed overlay file as the window's file input receives it (name, type, bytes). */
export function overlayFile(catalog: string, entries: { id: string; text?: string; sl?: number[] }[]) {
  return {
    name: 'licensed-overlay.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'zonewalk.catalog-overlay/1',
        catalog,
        name: 'Plant licence',
        version: '2026.1',
        entries,
      }),
    ),
  };
}

/** A fresh data folder with one assessment: zones Control room (z1) and Field (z2), asset PLC 1 (a1), finding Shared passwords (f1). */
export function seedModelWorkspace(title: string, site?: string): { dir: string; id: string } {
  const dir = tempDataDir();
  const s = createServices(dir);
  const a = s.assessments.create({ title, site });
  seedModel(s, a.id);
  s.ws.close();
  return { dir, id: a.id };
}

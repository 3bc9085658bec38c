import type { Page } from 'playwright-core';
import { createServices } from '../../src/main/services';
import { buildDemo } from '../../src/main/services/demo';

export interface Shot {
  name: string;
  hash: string;
  waitFor: string;
  /** Shown in this theme (default light). */
  theme?: 'light' | 'dark';
  /** Brings the screen into the state worth showing (open a file, a palette) after it has loaded. */
  prepare?: (page: Page) => Promise<void>;
}

const IMPORT_CSV = [
  'Tag,Device type,Manufacturer,Model,Firmware,Zone,Legacy',
  'PLC-FLT-03,EDR,Siemens,S7-1500 CPU 1515-2 PN,V2.9.4,Filtration,no',
  'HMI-FLT-02,HDR,Siemens,SIMATIC IPC477E,Windows 10 LTSC 2019,Filtration,no',
  'SW-FLT-02,NDR,Hirschmann,RSP35,09.1.00,Filtration,no',
  'RTU-INT-01,EDR,Schneider Electric,SCADAPack 474,8.16.2,Filtration,yes',
].join('\n');

/** A workspace with enough in it to make each screen meaningful; areas append their screens here. */
export function seedScreenshotWorkspace(dir: string): { assessmentId: string; screens: Shot[] } {
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
      { name: 'history', hash: '#/a/{id}/history', waitFor: 'Audit trail intact' },
      { name: 'catalog-browser', hash: '#/catalogs/3-3/SR%201.1', waitFor: 'Questions to ask' },
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
    ],
  };
}

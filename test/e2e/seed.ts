import { createServices } from '../../src/main/services';

export interface Shot {
  name: string;
  hash: string;
  waitFor: string;
}

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
  s.ws.close();
  return {
    assessmentId: a.id,
    screens: [
      { name: 'home', hash: '#/', waitFor: 'Waterworks Nord 2026' },
      { name: 'assessment-details', hash: '#/a/{id}/details', waitFor: 'Assessment details' },
      { name: 'history', hash: '#/a/{id}/history', waitFor: 'Audit trail intact' },
      { name: 'catalog-browser', hash: '#/catalogs/3-3/SR%201.1', waitFor: 'Questions to ask' },
      { name: 'export', hash: '#/a/{id}/export', waitFor: 'Import a filled-in gap register' },
    ],
  };
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model';
import type { HandlerTable } from '../../src/main/handlers';
import type { AssetImportPreview, AssetImportResult } from '../../src/shared/contract/model';
import { smallPlant } from '../helpers/model';
import { ok, openTestWorkspace } from '../helpers/workspace';

const file = (fileName: string, content: string | Buffer) => ({
  fileName,
  base64: Buffer.from(content).toString('base64'),
});

const MAPPING = {
  name: 'Hostname',
  zone: 'Zone',
  componentType: 'Type',
  vendor: 'Manufacturer',
  model: 'Model',
  firmware: 'Firmware',
  legacy: 'Legacy',
};

async function setup() {
  const ws = openTestWorkspace();
  const plant = await smallPlant(ws.table);
  return { ...ws, ...plant };
}

async function assets(table: HandlerTable, assessmentId: string) {
  return ok<Asset[]>(table['assets.list']({ assessmentId }));
}

describe('asset import from CSV', () => {
  it('previews columns, a suggested mapping, the row count and a sample', async () => {
    const { table, a } = await setup();
    const csv =
      'Hostname;Zone;Type;Manufacturer;Model;Firmware;Legacy;Notes\nPLC-01;Zone A;PLC;Siemens;S7-1500;V2.9;no;x\n';
    const p = await ok<AssetImportPreview>(
      table['assets.importPreview']({ assessmentId: a.id, file: file('list.csv', csv) }),
    );
    expect(p.columns).toEqual([
      'Hostname',
      'Zone',
      'Type',
      'Manufacturer',
      'Model',
      'Firmware',
      'Legacy',
      'Notes',
    ]);
    expect(p.suggestedMapping).toEqual(MAPPING);
    expect(p.rowCount).toBe(1);
    expect(p.sample[0]).toMatchObject({ Hostname: 'PLC-01', Notes: 'x' });
  });

  it('imports every row in one transaction with one batch audit event', async () => {
    const { table, services, a, zoneA, zoneB } = await setup();
    const csv = [
      'Hostname,Zone,Type,Manufacturer,Model,Firmware,Legacy',
      'PLC-01,Zone A,PLC,Siemens,S7-1500,V2.9,no',
      `SW-01,${zoneB.id},Managed switch,Hirschmann,RSP35,HiOS 9,yes`,
      'EWS-01,zone b,Engineering workstation,Dell,Precision,Win10,',
      '"WinCC, runtime",Zone A,HMI software,Siemens,WinCC,7.5,0',
      'FW-01,Zone A,ndr,Fortinet,60F,7.2,1',
    ].join('\r\n');
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({ assessmentId: a.id, file: file('l.csv', csv), mapping: MAPPING }),
    );
    expect(r).toEqual({ imported: 5, errors: [] });
    const list = (await assets(table, a.id)).slice(1);
    expect(list.map((x) => [x.name, x.zone, x.componentType, x.legacy])).toEqual([
      ['PLC-01', zoneA.id, 'EDR', false],
      ['SW-01', zoneB.id, 'NDR', true],
      ['EWS-01', zoneB.id, 'HDR', false],
      ['WinCC, runtime', zoneA.id, 'SAR', false],
      ['FW-01', zoneA.id, 'NDR', true],
    ]);
    const ev = services.ws.trail.list(a.id).at(-1)!;
    expect(ev).toMatchObject({ action: 'assets.imported', data: { file: 'l.csv', count: 5 } });
    expect((ev.data as { assets: string[] }).assets).toEqual(list.map((x) => x.id));
  });

  it('stores a formula-injection cell as literal text', async () => {
    const { table, a } = await setup();
    const evil = '=HYPERLINK("http://x","y")';
    const csv = `Hostname,Zone,Type,Manufacturer\n"${evil.replaceAll('"', '""')}",Zone A,EDR,"+cmd|' /C calc'!A0"\n`;
    await ok(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('l.csv', csv),
        mapping: { name: 'Hostname', zone: 'Zone', componentType: 'Type', vendor: 'Manufacturer' },
      }),
    );
    const got = (await assets(table, a.id)).at(-1)!;
    expect(got.name).toBe(evil);
    expect(got.vendor).toBe("+cmd|' /C calc'!A0");
  });

  it('lists per-row errors and imports nothing when any row is bad', async () => {
    const { table, services, a } = await setup();
    const csv = [
      'Name,Zone,Type,Legacy',
      'PLC-01,Zone A,PLC,no',
      'Toaster,Zone A,kitchen appliance,no',
      ',Zone A,EDR,no',
      'X,Nowhere,EDR,maybe',
      'Y,Zone A,,no',
    ].join('\n');
    const events = services.ws.trail.list(a.id).length;
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('l.csv', csv),
        mapping: { name: 'Name', zone: 'Zone', componentType: 'Type', legacy: 'Legacy' },
      }),
    );
    expect(r.imported).toBe(0);
    expect(r.errors).toEqual([
      {
        row: 2,
        message:
          'component type "kitchen appliance" is not SAR, EDR, HDR or NDR, nor a word like PLC, switch, workstation or application.',
      },
      { row: 3, message: 'the name is empty.' },
      {
        row: 4,
        message: `there is no zone "Nowhere" (use a zone's name or id); legacy "maybe" is not yes or no.`,
      },
      { row: 5, message: 'the component type is empty.' },
    ]);
    expect(await assets(table, a.id)).toHaveLength(1);
    expect(services.ws.trail.list(a.id)).toHaveLength(events);
  });

  it('uses the default zone when there is no zone column', async () => {
    const { table, a, zoneB } = await setup();
    const csv = 'Device,Category\nRTU-7,RTU\n';
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('l.csv', csv),
        mapping: { name: 'Device', componentType: 'Category' },
        defaultZone: zoneB.id,
      }),
    );
    expect(r.imported).toBe(1);
    expect((await assets(table, a.id)).at(-1)).toMatchObject({
      name: 'RTU-7',
      zone: zoneB.id,
      componentType: 'EDR',
    });
  });

  it.each([
    [
      'a mapped column the file does not have',
      'Name,Type\nA,EDR\n',
      { name: 'Hostname', componentType: 'Type', zone: 'Zone' },
      /The column "Hostname" chosen for the name is not in the file, which has: Name, Type/,
    ],
    [
      'no name column',
      'Foo,Bar\n1,2\n',
      { componentType: 'Bar' },
      /Choose the column that holds the asset name/,
    ],
    [
      'no type column',
      'Name\nA\n',
      { name: 'Name', zone: 'Name' },
      /Choose the column that holds the component type/,
    ],
    [
      'no zone column and no default zone',
      'Name,Type\nA,EDR\n',
      { name: 'Name', componentType: 'Type' },
      /or one zone for all assets/,
    ],
  ])('refuses %s', async (_n, csv, mapping, message) => {
    const { table, a } = await setup();
    const r = await table['assets.importApply']({ assessmentId: a.id, file: file('l.csv', csv), mapping });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(message) },
    });
    expect(await assets(table, a.id)).toHaveLength(1);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\n  \n'],
  ])('refuses %s', async (_n, csv) => {
    const { table, a } = await setup();
    const error = { code: 'invalid-file', message: 'empty.csv is empty: it has no header row.' };
    const preview = await table['assets.importPreview']({ assessmentId: a.id, file: file('empty.csv', csv) });
    expect(preview).toMatchObject({ ok: false, error });
    const apply = await table['assets.importApply']({
      assessmentId: a.id,
      file: file('empty.csv', csv),
      mapping: MAPPING,
    });
    expect(apply).toMatchObject({ ok: false, error });
  });

  it('refuses a header without rows, an old .xls and broken CSV with one sentence', async () => {
    const { table, a } = await setup();
    const header = await table['assets.importApply']({
      assessmentId: a.id,
      file: file('h.csv', 'Hostname,Zone,Type\n'),
      mapping: { name: 'Hostname', zone: 'Zone', componentType: 'Type' },
    });
    expect(header).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', message: 'h.csv has a header row but no assets.' },
    });
    const xls = await table['assets.importPreview']({ assessmentId: a.id, file: file('old.xls', 'binary') });
    expect(xls).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', message: expect.stringMatching(/Save it as .xlsx or .csv/) },
    });
    const broken = await table['assets.importPreview']({
      assessmentId: a.id,
      file: file('b.csv', 'Name,Type\n"unterminated,EDR\n'),
    });
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', message: expect.stringMatching(/^b\.csv is not a readable CSV file/) },
    });
    const notXlsx = await table['assets.importPreview']({
      assessmentId: a.id,
      file: file('x.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 0, 0])),
    });
    expect(notXlsx).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-file',
        message: expect.stringMatching(/^x\.xlsx is not a readable XLSX workbook/),
      },
    });
  });

  it("honours Excel's sep= first line instead of reading it as the header", async () => {
    const { table, a } = await setup();
    const csv = file('excel.csv', 'sep=;\r\nName;Zone;Type;Vendor\r\n"PLC, Nord";Zone A;EDR;Siemens\r\n');
    const p = await ok<AssetImportPreview>(table['assets.importPreview']({ assessmentId: a.id, file: csv }));
    expect(p.columns).toEqual(['Name', 'Zone', 'Type', 'Vendor']);
    await ok(
      table['assets.importApply']({
        assessmentId: a.id,
        file: csv,
        mapping: { name: 'Name', zone: 'Zone', componentType: 'Type', vendor: 'Vendor' },
      }),
    );
    expect((await assets(table, a.id)).at(-1)).toMatchObject({ name: 'PLC, Nord', vendor: 'Siemens' });
  });

  it('reads Windows-1252 CSV and a UTF-8 BOM', async () => {
    const { table, a } = await setup();
    const latin = Buffer.from('Name,Zone,Type,Vendor\nPumpe Süd,Zone A,EDR,Müller\n', 'latin1');
    await ok(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('l.csv', latin),
        mapping: { name: 'Name', zone: 'Zone', componentType: 'Type', vendor: 'Vendor' },
      }),
    );
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Name,Zone,Type\nÄ-1,Zone A,EDR\n'),
    ]);
    const p = await ok<AssetImportPreview>(
      table['assets.importPreview']({ assessmentId: a.id, file: file('b.csv', bom) }),
    );
    expect(p.columns[0]).toBe('Name');
    expect((await assets(table, a.id)).at(-1)).toMatchObject({ name: 'Pumpe Süd', vendor: 'Müller' });
  });

  it('imports 100,000 rows in a few seconds; one bad row among them blocks all', async () => {
    const { table, services, a } = await setup();
    const types = ['PLC', 'switch', 'workstation', 'application', 'EDR', 'firewall', 'server', 'HDR'];
    const lines = ['Hostname,Zone,Type,Manufacturer,Model,Firmware,Legacy'];
    for (let i = 0; i < 100_000; i++)
      lines.push(
        `dev-${i},${i % 2 ? 'Zone A' : 'Zone B'},${types[i % types.length]},Siemens,S7-1500,V2.${i % 10},${i % 7 === 0 ? 'yes' : 'no'}`,
      );
    const good = lines.join('\n');
    const bad = `${good}\ndev-x,Zone A,teapot,Siemens,,,\n`;
    const t0 = performance.now();
    const preview = await ok<AssetImportPreview>(
      table['assets.importPreview']({ assessmentId: a.id, file: file('big.csv', good) }),
    );
    expect(preview.rowCount).toBe(100_000);
    const tp = performance.now();
    console.log(`100k preview ${(tp - t0).toFixed(0)} ms`);
    const rejected = await ok<AssetImportResult>(
      table['assets.importApply']({ assessmentId: a.id, file: file('big.csv', bad), mapping: MAPPING }),
    );
    expect(rejected.imported).toBe(0);
    expect(rejected.errors).toEqual([{ row: 100_001, message: expect.stringMatching(/teapot/) }]);
    const t1 = performance.now();
    console.log(`100k rejected ${(t1 - tp).toFixed(0)} ms`);
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({ assessmentId: a.id, file: file('big.csv', good), mapping: MAPPING }),
    );
    const t2 = performance.now();
    console.log(`100k imported ${(t2 - t1).toFixed(0)} ms`);
    expect(r).toEqual({ imported: 100_000, errors: [] });
    expect(t1 - tp).toBeLessThan(5000);
    expect(t2 - t1).toBeLessThan(5000);
    expect(services.ws.db.prepare('SELECT COUNT(DISTINCT id) FROM asset').pluck().get()).toBe(100_001);
  }, 60_000);

  it('caps the error list for a file full of bad rows', async () => {
    const { table, a } = await setup();
    const lines = ['Name,Zone,Type'];
    for (let i = 0; i < 2000; i++) lines.push(`x${i},Zone A,toaster`);
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('l.csv', lines.join('\n')),
        mapping: { name: 'Name', zone: 'Zone', componentType: 'Type' },
      }),
    );
    expect(r.errors).toHaveLength(501);
    expect(r.errors.at(-1)!.message).toBe('…and 1500 more rows with errors. Nothing was imported.');
  });
});

describe('asset import from XLSX', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Assets'));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads formulas as their text, never their computed value, and rich text and numbers as typed', async () => {
    const { table, a } = await setup();
    const bytes = await workbook((ws) => {
      ws.addRow(['Asset name', 'Security zone', 'Device type', 'Vendor', 'Firmware version', 'EOL']);
      ws.addRow(['PLC-01', 'Zone A', 'PLC', 'Siemens', 2.9, 'no']);
      const r = ws.addRow([null, 'Zone A', 'switch', null, null, true]);
      r.getCell(1).value = { formula: 'HYPERLINK("http://x","y")', result: 'y' };
      r.getCell(4).value = { richText: [{ text: 'Hirsch' }, { text: 'mann', font: { bold: true } }] };
      r.getCell(5).value = { formula: 'A2&"-fw"', result: 'PLC-01-fw' };
      ws.addRow([
        'HMI-01',
        'Zone A',
        'HMI',
        { text: 'Siemens', hyperlink: 'http://siemens.example' },
        '17',
        'FALSE',
      ]);
    });
    const p = await ok<AssetImportPreview>(
      table['assets.importPreview']({ assessmentId: a.id, file: file('list.xlsx', bytes) }),
    );
    expect(p.suggestedMapping).toEqual({
      name: 'Asset name',
      zone: 'Security zone',
      componentType: 'Device type',
      vendor: 'Vendor',
      firmware: 'Firmware version',
      legacy: 'EOL',
    });
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('list.xlsx', bytes),
        mapping: p.suggestedMapping,
      }),
    );
    expect(r).toEqual({ imported: 3, errors: [] });
    const list = (await assets(table, a.id)).slice(1);
    expect(list.map((x) => [x.name, x.componentType, x.vendor, x.firmware, x.legacy])).toEqual([
      ['PLC-01', 'EDR', 'Siemens', '2.9', false],
      ['=HYPERLINK("http://x","y")', 'NDR', 'Hirschmann', '=A2&"-fw"', true],
      ['HMI-01', 'HDR', 'Siemens', '17', false],
    ]);
  });

  it('lists per-row errors for bad component types in a sheet', async () => {
    const { table, a } = await setup();
    const bytes = await workbook((ws) => {
      ws.addRow(['Name', 'Zone', 'Type']);
      ws.addRow(['A', 'Zone A', 'EDR']);
      ws.addRow(['B', 'Zone A', 'coffee machine']);
      ws.addRow(['C', 'Zone A', 42]);
    });
    const r = await ok<AssetImportResult>(
      table['assets.importApply']({
        assessmentId: a.id,
        file: file('l.xlsx', bytes),
        mapping: { name: 'Name', zone: 'Zone', componentType: 'Type' },
      }),
    );
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(r.errors[0].message).toMatch(/"coffee machine"/);
  });

  it('refuses an empty workbook', async () => {
    const { table, a } = await setup();
    const bytes = await workbook(() => {});
    const r = await table['assets.importPreview']({ assessmentId: a.id, file: file('e.xlsx', bytes) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', message: 'e.xlsx is empty: it has no header row.' },
    });
  });
});

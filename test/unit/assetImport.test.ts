import { describe, expect, it } from 'vitest';
import { parseComponentType, parseLegacy, suggestMapping } from '../../src/core/assetImport';

describe('suggestMapping', () => {
  it('maps common header names, exact matches first, one column per field', () => {
    expect(
      suggestMapping(['Host name', 'Zone', 'Component type', 'Manufacturer', 'Model', 'FW', 'EOL']),
    ).toEqual({
      name: 'Host name',
      zone: 'Zone',
      componentType: 'Component type',
      vendor: 'Manufacturer',
      model: 'Model',
      firmware: 'FW',
      legacy: 'EOL',
    });
    expect(suggestMapping(['Device Name', 'Security Zone', 'Type', 'Vendor', 'Version'])).toEqual({
      name: 'Device Name',
      zone: 'Security Zone',
      componentType: 'Type',
      vendor: 'Vendor',
      firmware: 'Version',
    });
  });
  it('suggests nothing for unrelated columns', () => {
    expect(suggestMapping(['foo', 'bar', 'Column 3'])).toEqual({});
  });
});

describe('parseComponentType', () => {
  it.each([
    ['EDR', 'EDR'],
    ['ndr', 'NDR'],
    [' Host device ', 'HDR'],
    ['PLC', 'EDR'],
    ['Siemens S7-1500 PLC', 'EDR'],
    ['RTU', 'EDR'],
    ['Safety controller', 'EDR'],
    ['Remote I/O', 'EDR'],
    ['HMI panel', 'EDR'],
    ['Managed switch', 'NDR'],
    ['Industrial firewall', 'NDR'],
    ['Router', 'NDR'],
    ['Engineering workstation', 'HDR'],
    ['Server', 'HDR'],
    ['HMI', 'HDR'],
    ['Historian', 'HDR'],
    ['HMI software', 'SAR'],
    ['Application', 'SAR'],
    ['SCADA software', 'SAR'],
  ])('%s -> %s', (cell, type) => {
    expect(parseComponentType(cell)).toBe(type);
  });
  it.each(['', '   ', 'toaster', 'PLCs', 'kitchen appliance'])('%s -> null', (cell) => {
    expect(parseComponentType(cell)).toBeNull();
  });
  it('matches whole words only', () => {
    expect(parseComponentType('switchgear')).toBeNull();
    expect(parseComponentType('apps')).toBeNull();
  });
});

describe('parseLegacy', () => {
  it('reads yes/no words and flags', () => {
    for (const v of ['yes', 'Y', 'TRUE', '1', 'x', 'EOL']) expect(parseLegacy(v)).toBe(true);
    for (const v of ['', 'no', 'N', 'false', '0', '-']) expect(parseLegacy(v)).toBe(false);
    expect(parseLegacy('maybe')).toBeNull();
  });
});

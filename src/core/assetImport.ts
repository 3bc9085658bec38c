import { COMPONENT_TYPES, type ComponentType } from './domain';

// Pure rules of the asset list import (CSV/XLSX): which column is which, and what a cell means.

export const ASSET_FIELDS = [
  'name',
  'zone',
  'componentType',
  'vendor',
  'model',
  'firmware',
  'legacy',
] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];

/** Header names (normalised: lower case, words separated by one space) recognised per field. */
const HEADER_NAMES: Record<AssetField, string[]> = {
  name: [
    'name',
    'asset name',
    'asset',
    'hostname',
    'host name',
    'host',
    'device name',
    'device',
    'tag',
    'asset tag',
  ],
  zone: ['zone', 'zone name', 'zone id', 'security zone', 'network zone'],
  componentType: [
    'component type',
    'componenttype',
    'type',
    'device type',
    'asset type',
    'category',
    'class',
    'asset class',
  ],
  vendor: ['vendor', 'manufacturer', 'make', 'brand', 'supplier', 'oem'],
  model: ['model', 'model number', 'product', 'product name', 'part number', 'type designation'],
  firmware: [
    'firmware',
    'firmware version',
    'fw',
    'fw version',
    'version',
    'software version',
    'os version',
    'release',
  ],
  legacy: ['legacy', 'end of life', 'eol', 'obsolete', 'unsupported', 'legacy device'],
};

export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Guesses which column holds which field: first an exact (normalised) header name, then a header
 * that contains one of the names as a word. A column is used for one field at most.
 */
export function suggestMapping(columns: string[]): Partial<Record<AssetField, string>> {
  const norm = columns.map(normaliseHeader);
  const used = new Set<number>();
  const out: Partial<Record<AssetField, string>> = {};
  const pick = (field: AssetField, match: (header: string, name: string) => boolean) => {
    if (out[field] !== undefined) return;
    for (const name of HEADER_NAMES[field]) {
      const i = norm.findIndex((h, k) => !used.has(k) && match(h, name));
      if (i >= 0) {
        used.add(i);
        out[field] = columns[i];
        return;
      }
    }
  };
  for (const f of ASSET_FIELDS) pick(f, (h, n) => h === n);
  for (const f of ASSET_FIELDS) pick(f, (h, n) => ` ${h} `.includes(` ${n} `));
  return out;
}

/**
 * Words that name a component type, checked longest first as whole words in the cell, so
 * "Siemens S7-1500 PLC" is EDR and "HMI software" is SAR. Besides SAR/EDR/HDR/NDR themselves and
 * their long names:
 * - EDR (embedded device): PLC, RTU, IED, controller, DCS, safety controller, SIS, drive, VFD,
 *   remote I/O, I/O module, protection relay, relay, analyser/analyzer, sensor, actuator, panel HMI,
 *   operator panel, smart meter, embedded
 * - NDR (network device): switch, router, firewall, gateway, data diode, access point, WAP,
 *   modem, VPN, network
 * - HDR (host device): workstation, engineering workstation, EWS, server, historian, host, PC,
 *   laptop, thin client, HMI (a PC-based HMI), jump host, domain controller, virtual machine, VM
 * - SAR (software application): application, software, app, SCADA software, HMI software,
 *   database, service, web application
 */
const TYPE_WORDS: [string, ComponentType][] = (
  [
    ['software application', 'SAR'],
    ['embedded device', 'EDR'],
    ['host device', 'HDR'],
    ['network device', 'NDR'],
    ['hmi software', 'SAR'],
    ['scada software', 'SAR'],
    ['web application', 'SAR'],
    ['application', 'SAR'],
    ['software', 'SAR'],
    ['database', 'SAR'],
    ['service', 'SAR'],
    ['app', 'SAR'],
    ['plc', 'EDR'],
    ['rtu', 'EDR'],
    ['ied', 'EDR'],
    ['dcs', 'EDR'],
    ['controller', 'EDR'],
    ['safety controller', 'EDR'],
    ['sis', 'EDR'],
    ['drive', 'EDR'],
    ['vfd', 'EDR'],
    ['remote i o', 'EDR'],
    ['remote io', 'EDR'],
    ['i o module', 'EDR'],
    ['io module', 'EDR'],
    ['protection relay', 'EDR'],
    ['relay', 'EDR'],
    ['analyser', 'EDR'],
    ['analyzer', 'EDR'],
    ['sensor', 'EDR'],
    ['actuator', 'EDR'],
    ['panel hmi', 'EDR'],
    ['hmi panel', 'EDR'],
    ['operator panel', 'EDR'],
    ['smart meter', 'EDR'],
    ['embedded', 'EDR'],
    ['switch', 'NDR'],
    ['router', 'NDR'],
    ['firewall', 'NDR'],
    ['gateway', 'NDR'],
    ['data diode', 'NDR'],
    ['access point', 'NDR'],
    ['wap', 'NDR'],
    ['modem', 'NDR'],
    ['vpn', 'NDR'],
    ['network', 'NDR'],
    ['engineering workstation', 'HDR'],
    ['workstation', 'HDR'],
    ['ews', 'HDR'],
    ['server', 'HDR'],
    ['historian', 'HDR'],
    ['host', 'HDR'],
    ['pc', 'HDR'],
    ['laptop', 'HDR'],
    ['thin client', 'HDR'],
    ['hmi', 'HDR'],
    ['jump host', 'HDR'],
    ['domain controller', 'HDR'],
    ['virtual machine', 'HDR'],
    ['vm', 'HDR'],
  ] as [string, ComponentType][]
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[0].length - a[0].length);

/** The component type a cell names, or null when it names none. */
export function parseComponentType(cell: string): ComponentType | null {
  const upper = cell.trim().toUpperCase();
  if ((COMPONENT_TYPES as readonly string[]).includes(upper)) return upper as ComponentType;
  const words = ` ${normaliseHeader(cell)} `;
  if (words.trim() === '') return null;
  for (const [phrase, type] of TYPE_WORDS) if (words.includes(` ${phrase} `)) return type;
  return null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'legacy', 'eol', 'ja', 'oui', 'wahr']);
const NO = new Set(['', 'no', 'n', 'false', '0', '-', 'nein', 'non', 'falsch']);

/** The legacy flag from a cell: yes/no words, true/false, 1/0, x; null when unreadable. */
export function parseLegacy(cell: string): boolean | null {
  const v = cell.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

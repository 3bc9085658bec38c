import type { CatalogPart, RequirementKind } from '../../../core/catalog/types';
import { COMPONENT_TYPE_NAMES, FR_NAMES, type Fr, SPE_NAMES, type Spe } from '../../../core/domain';

export const PART_LABELS: Record<CatalogPart, { short: string; long: string }> = {
  '2-1': { short: '2-1 Security program', long: 'IEC 62443-2-1 security program questionnaire' },
  '3-3': { short: '3-3 System', long: 'IEC 62443-3-3 system requirements' },
  '4-2': { short: '4-2 Component', long: 'IEC 62443-4-2 component requirements' },
};

export const KIND_LABELS: Record<RequirementKind, string> = {
  SR: 'System requirement',
  RE: 'Requirement enhancement',
  CR: 'Component requirement',
  'CR-placeholder': 'Clause without its own requirement',
  SAR: 'Software application requirement',
  EDR: 'Embedded device requirement',
  HDR: 'Host device requirement',
  NDR: 'Network device requirement',
  'element-group': 'Element group',
  requirement: 'Requirement',
};

/** `iec-62443-3-3:2013` -> "IEC 62443-3-3". */
export function catalogName(catalogId: string): string {
  const m = /^iec-62443-(\d-\d)/.exec(catalogId);
  return m ? `IEC 62443-${m[1]}` : catalogId;
}

/** "FR1 · Identification and authentication control" or "ORG · Organizational security measures". */
export function groupLabel(fr: string): string {
  const name = FR_NAMES[fr as Fr] ?? SPE_NAMES[fr as Spe];
  return name ? `${fr} · ${name}` : fr;
}

export { COMPONENT_TYPE_NAMES };

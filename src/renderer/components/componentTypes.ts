import { COMPONENT_TYPE_NAMES, COMPONENT_TYPES, type ComponentType } from '../../core/domain';

const EXAMPLES: Record<ComponentType, string> = {
  SAR: 'SCADA, historian or engineering software',
  EDR: 'PLC, RTU, safety controller, smart sensor',
  HDR: 'HMI PC, engineering workstation, server',
  NDR: 'switch, router, firewall',
};

/** The four 62443-4-2 component types in the words an auditor uses on site. */
export const COMPONENT_TYPE_OPTIONS = COMPONENT_TYPES.map((t) => ({
  value: t,
  label: `${COMPONENT_TYPE_NAMES[t]} (${t}): ${EXAMPLES[t]}`,
  short: COMPONENT_TYPE_NAMES[t],
}));

import { BASELINE_ZONE_SRS } from '../../core/answers';
import { FRS, type Fr, type ResponseResult, type Scope, type SlVector } from '../../core/domain';
import type { AssessmentDetails } from '../../shared/contract/assessments';
import type { Services } from '.';
import type { NewAsset } from './assets';
import type { ResponsePatch } from './responses';

// `zonewalk demo`, the screenshot seed and tests share this sample: a drinking-water treatment
// plant walked part-way through, with a believable spread of answers. Answers are drawn from a
// seeded generator, so the same seed gives the same picture.

const sl = (...v: number[]): SlVector =>
  ({ FR1: v[0], FR2: v[1], FR3: v[2], FR4: v[3], FR5: v[4], FR6: v[5], FR7: v[6] }) as SlVector;

interface DemoZone {
  key: string;
  name: string;
  description: string;
  slTarget: SlVector;
  /** How well the zone is run: the chance a requirement is met, before its level is considered. */
  quality: number;
  /** Share of each checklist already answered. */
  answered: number;
  assets: Omit<NewAsset, 'zone'>[];
}

const ZONES: DemoZone[] = [
  {
    key: 'enterprise',
    name: 'Enterprise',
    description: 'Office network of the water authority: domain services, e-mail, reporting.',
    slTarget: sl(1, 1, 1, 1, 1, 1, 1),
    quality: 0.97,
    answered: 1,
    assets: [
      {
        name: 'CORP-DC01',
        componentType: 'HDR',
        vendor: 'Microsoft',
        model: 'Windows Server 2019 Datacenter',
        firmware: '10.0.17763.5696',
      },
      {
        name: 'Enterprise core switch',
        componentType: 'NDR',
        vendor: 'Cisco',
        model: 'Catalyst 9300-48P',
        firmware: 'IOS XE 17.9.4a',
      },
      {
        name: 'Water quality reporting portal',
        componentType: 'SAR',
        vendor: 'Microsoft',
        model: 'Power BI Report Server',
        firmware: '15.0.1115',
      },
    ],
  },
  {
    key: 'dmz',
    name: 'Plant DMZ',
    description:
      'Between the office network and the plant: historian replica, remote access jump host, patch server.',
    slTarget: sl(2, 2, 2, 2, 3, 2, 2),
    quality: 0.9,
    answered: 1,
    assets: [
      {
        name: 'FW-IT-OT',
        componentType: 'NDR',
        vendor: 'Palo Alto Networks',
        model: 'PA-3220',
        firmware: 'PAN-OS 10.2.9-h1',
      },
      {
        name: 'DMZ-HIST01',
        componentType: 'HDR',
        vendor: 'Dell',
        model: 'PowerEdge R650 / Windows Server 2019',
        firmware: 'BIOS 1.11.2',
      },
      {
        name: 'PI Data Archive (replica)',
        componentType: 'SAR',
        vendor: 'AVEVA',
        model: 'PI Server 2018 SP3',
        firmware: '3.4.430.460 Patch 4',
      },
      {
        name: 'DMZ-JUMP01',
        componentType: 'HDR',
        vendor: 'Microsoft',
        model: 'Windows Server 2022 Standard',
        firmware: '10.0.20348.2402',
      },
      {
        name: 'DMZ switch',
        componentType: 'NDR',
        vendor: 'Hirschmann',
        model: 'RSP35',
        firmware: 'HiOS 09.0.02',
      },
    ],
  },
  {
    key: 'scada',
    name: 'SCADA / HMI',
    description:
      'Control room: SCADA servers, operator stations, engineering workstation and the plant historian.',
    slTarget: sl(2, 2, 2, 1, 2, 2, 2),
    quality: 0.8,
    answered: 1,
    assets: [
      {
        name: 'FW-OT-CORE',
        componentType: 'NDR',
        vendor: 'Fortinet',
        model: 'FortiGate 60F Rugged',
        firmware: 'FortiOS 7.2.8',
      },
      {
        name: 'SCADA-SRV01',
        componentType: 'HDR',
        vendor: 'HPE',
        model: 'ProLiant DL380 Gen10 / Windows Server 2016',
        firmware: 'iLO 5 2.78',
      },
      {
        name: 'WinCC SCADA runtime',
        componentType: 'SAR',
        vendor: 'Siemens',
        model: 'SIMATIC WinCC V7.5',
        firmware: 'V7.5 SP2 Update 12',
      },
      {
        name: 'HMI-OP01',
        componentType: 'HDR',
        vendor: 'Siemens',
        model: 'SIMATIC IPC647E / Windows 10 LTSC 2019',
        firmware: '1809 build 17763.5820',
      },
      {
        name: 'HMI-OP02',
        componentType: 'HDR',
        vendor: 'Dell',
        model: 'OptiPlex 7010 / Windows 7 SP1',
        firmware: '6.1.7601',
        legacy: true,
      },
      {
        name: 'EWS-01 engineering workstation',
        componentType: 'HDR',
        vendor: 'Siemens',
        model: 'SIMATIC Field PG M6 / TIA Portal V17',
        firmware: 'Windows 10 22H2',
      },
      {
        name: 'OT-HIST01 plant historian',
        componentType: 'SAR',
        vendor: 'AVEVA',
        model: 'Historian 2020 R2',
        firmware: '20.1.000',
      },
      {
        name: 'SCADA core switch',
        componentType: 'NDR',
        vendor: 'Moxa',
        model: 'EDS-G516E-4GSFP',
        firmware: 'v6.2',
      },
    ],
  },
  {
    key: 'filtration',
    name: 'Filtration control',
    description:
      'Raw water pumping, rapid gravity filters and backwash: PLCs, remote I/O and the filter gallery panel.',
    slTarget: sl(2, 2, 3, 1, 2, 1, 3),
    quality: 0.65,
    answered: 0.85,
    assets: [
      {
        name: 'PLC-FLT-01 filter bank A',
        componentType: 'EDR',
        vendor: 'Siemens',
        model: 'S7-1500 CPU 1516-3 PN/DP',
        firmware: 'V2.9.4',
      },
      {
        name: 'PLC-FLT-02 filter bank B',
        componentType: 'EDR',
        vendor: 'Siemens',
        model: 'S7-1500 CPU 1516-3 PN/DP',
        firmware: 'V2.8.3',
      },
      {
        name: 'PLC-PMP-01 raw water pumps',
        componentType: 'EDR',
        vendor: 'Rockwell Automation',
        model: 'ControlLogix 1756-L83E',
        firmware: '32.011',
      },
      {
        name: 'RIO-FLT-01 remote I/O',
        componentType: 'EDR',
        vendor: 'Siemens',
        model: 'ET 200SP IM155-6 PN HF',
        firmware: 'V4.2.1',
      },
      {
        name: 'HMI panel filter gallery',
        componentType: 'EDR',
        vendor: 'Siemens',
        model: 'SIMATIC TP1200 Comfort',
        firmware: 'V15.1',
      },
      {
        name: 'Filtration ring switch',
        componentType: 'NDR',
        vendor: 'Hirschmann',
        model: 'RS20-0800T1T1SDAE',
        firmware: 'Classic 09.1.00',
        legacy: true,
      },
    ],
  },
  {
    key: 'chemical',
    name: 'Chemical dosing / Safety',
    description:
      'Chlorine and coagulant dosing with the chlorine-leak shutdown system. A separate network; status reaches SCADA over hardwired signals only.',
    slTarget: sl(3, 3, 3, 2, 3, 2, 3),
    quality: 0.75,
    answered: 0.5,
    assets: [
      {
        name: 'PLC-CHM-01 chlorine dosing',
        componentType: 'EDR',
        vendor: 'Schneider Electric',
        model: 'Modicon M580 BMEP584040',
        firmware: 'SV 3.20',
      },
      {
        name: 'SIS-01 chlorine leak shutdown',
        componentType: 'EDR',
        vendor: 'Schneider Electric',
        model: 'Triconex Tricon CX',
        firmware: 'v11.3',
      },
      {
        name: 'Dosing controller',
        componentType: 'EDR',
        vendor: 'ProMinent',
        model: 'DULCOMARIN II',
        firmware: '3.2.1',
        legacy: true,
      },
      {
        name: 'Chemical zone switch',
        componentType: 'NDR',
        vendor: 'Moxa',
        model: 'EDS-408A',
        firmware: 'v3.8',
        legacy: true,
      },
      {
        name: 'Safety engineering software',
        componentType: 'SAR',
        vendor: 'Schneider Electric',
        model: 'TriStation 1131',
        firmware: '4.16',
      },
    ],
  },
];

const CONDUITS = [
  {
    name: 'Enterprise to DMZ',
    from: 'enterprise',
    to: 'dmz',
    protocols: ['HTTPS', 'RDP (to jump host only)', 'PI-to-PI replication'],
  },
  { name: 'DMZ to SCADA', from: 'dmz', to: 'scada', protocols: ['OPC UA', 'RDP', 'WSUS (HTTP 8530)'] },
  {
    name: 'SCADA to filtration control',
    from: 'scada',
    to: 'filtration',
    protocols: ['S7comm+', 'EtherNet/IP (CIP)', 'Modbus/TCP'],
  },
];

/** What auditors write, per FR: a line for a gap and a line for a requirement met. */
const NOTES: Record<Fr, [gap: string, met: string]> = {
  FR1: [
    "Shared 'operator' account on every station; no individual logins.",
    'Individual AD accounts; local administrator disabled by GPO.',
  ],
  FR2: [
    'Everyone logs in with full engineering rights; no roles configured.',
    'Role-based access: operator, supervisor, engineer. Checked user list on site.',
  ],
  FR3: [
    'No malware protection; last patches installed 2021.',
    'Application allow-listing enforced; patches validated monthly in the test rig.',
  ],
  FR4: [
    'Project files and backups stored unencrypted on a shared drive.',
    'Backups encrypted; project files only on the engineering workstation.',
  ],
  FR5: [
    'Flat network: office PCs can reach the PLCs directly (traceroute shown).',
    'Zone boundary firewall in place; rule base reviewed with the OT engineer.',
  ],
  FR6: [
    'Logs stay on the device and are overwritten after a few days; nobody reviews them.',
    'Logs forwarded to the historian syslog collector and reviewed weekly.',
  ],
  FR7: [
    'No tested backup of the PLC programs; last restore test unknown.',
    'Offline backups monthly; restore tested in March on the spare CPU.',
  ],
};

const NOT_APPLICABLE_REASONS = [
  'The function does not exist here: no such interface on site (checked on the cabinet walk).',
  'Not used in this plant: confirmed with the OT lead and the vendor documentation.',
  'Handled by the organisation-wide control in the 2-1 questionnaire; nothing local to configure.',
];

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  seed?: number;
  title?: string;
}

/** Creates the sample assessment in one transaction and returns it. */
export function buildDemo(services: Services, opts: DemoOptions = {}): AssessmentDetails {
  const { ws, assessments, zones, conduits, assets, checklists, responses, findings } = services;
  const random = rng(opts.seed ?? 62443);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

  return ws.db.transaction(() => {
    const a = assessments.create({
      title: opts.title ?? 'Riverside Water Treatment Works 2026',
      site: 'Riverside WTW, Works Road',
      organisation: 'Riverside Water Authority',
    });
    assessments.update(a.id, {
      assessors: [{ name: 'Dana Whitfield' }, { name: 'Jonas Berg' }],
      scopeStatement:
        'IEC 62443 gap assessment of the drinking-water treatment works: control system from the enterprise boundary down to the chemical dosing and chlorine safety system. Telemetry outstations are out of scope.',
      startDate: '2026-11-23',
      endDate: '2026-11-27',
      smsTargetMaturity: 3,
    });

    const zoneIds = new Map<string, string>();
    const quality = new Map<string, number>();
    const scopes: { scope: Scope; quality: number; answered: number; legacy: boolean }[] = [];
    const assetIds = new Map<string, string>();
    for (const z of ZONES) {
      const zone = zones.create(a.id, { name: z.name, description: z.description, slTarget: z.slTarget });
      zoneIds.set(z.key, zone.id);
      quality.set(z.key, z.quality);
      scopes.push({
        scope: { kind: 'zone', id: zone.id },
        quality: z.quality,
        answered: z.answered,
        legacy: false,
      });
      z.assets.forEach((spec, i) => {
        const asset = assets.create(a.id, { ...spec, zone: zone.id });
        assetIds.set(spec.name, asset.id);
        // Assets are walked one by one: in the zone the auditors are still in, the last one is to do.
        const answered = i === z.assets.length - 1 && z.answered < 0.6 ? 0.3 : 1;
        const q = spec.legacy ? z.quality - 0.3 : z.quality;
        scopes.push({ scope: { kind: 'asset', id: asset.id }, quality: q, answered, legacy: !!spec.legacy });
      });
    }
    const conduitIds: string[] = [];
    for (const c of CONDUITS) {
      const conduit = conduits.create(a.id, {
        name: c.name,
        zones: [zoneIds.get(c.from)!, zoneIds.get(c.to)!],
        protocols: c.protocols,
      });
      conduitIds.push(conduit.id);
      const q = Math.min(quality.get(c.from)!, quality.get(c.to)!);
      scopes.push({ scope: { kind: 'conduit', id: conduit.id }, quality: q, answered: 1, legacy: false });
    }

    for (const s of scopes) {
      const list = checklists.get(a.id, s.scope);
      // Auditors walk a checklist in order: a partly done scope has its first items answered.
      const answered = list.items.slice(0, Math.round(list.items.length * s.answered));
      // Per FR, the level the scope really reaches: the target when it is well run, else one or
      // two below. Everything up to it is in place, the first item above it is not.
      const reach = {} as Record<Fr, number>;
      const failed = new Set<Fr>();
      for (const fr of FRS) {
        const target = list.slTarget?.[fr] ?? 0;
        reach[fr] = random() < s.quality ? target : Math.max(0, target - (random() < 0.7 ? 1 : 2));
      }
      for (const item of answered) {
        const fr = item.requirement.fr as Fr;
        const level = Math.min(...item.requirement.sl);
        let result: ResponseResult;
        // a baseline zone requirement is never N/A in a sound audit (the importer warns about it)
        const baseline = s.scope.kind === 'zone' && BASELINE_ZONE_SRS.includes(item.requirement.id);
        if (level <= reach[fr]) result = random() < 0.92 || baseline ? 'met' : 'not-applicable';
        else if (!failed.has(fr)) {
          failed.add(fr);
          result = random() < 0.5 ? 'not-met' : 'partially-met';
        } else {
          const roll = random();
          result = roll < 0.45 ? 'met' : roll < 0.7 ? 'partially-met' : 'not-met';
        }
        const patch: ResponsePatch = { result };
        if (result === 'not-applicable') patch.justification = pick(NOT_APPLICABLE_REASONS);
        if (random() < 0.3) patch.comment = result === 'met' ? NOTES[fr][1] : NOTES[fr][0];
        if (result !== 'met' && random() < 0.1) patch.flagged = true;
        responses.set(a.id, s.scope, item.requirement.id, patch);
      }
    }

    // The 2-1 questionnaire, about two thirds through the interviews.
    const org = checklists.get(a.id, { kind: 'organisation' });
    for (const item of org.items.slice(0, Math.round(org.items.length * 0.65))) {
      const roll = random();
      const maturity = roll < 0.05 ? null : roll < 0.15 ? 1 : roll < 0.45 ? 2 : roll < 0.9 ? 3 : 4;
      const patch: ResponsePatch = { maturity };
      if (maturity === null) patch.justification = 'No wireless in the plant; confirmed by the site survey.';
      if (random() < 0.25) {
        patch.comment =
          maturity === null
            ? 'No wireless in the plant; confirmed by the site survey.'
            : maturity >= 3
              ? 'Documented procedure seen and practised (records for the last 12 months).'
              : 'Done by experience; no written procedure, depends on two people.';
      }
      responses.set(a.id, { kind: 'organisation' }, item.requirement.id, patch);
    }

    const zone = (key: string) => ({ kind: 'zone' as const, id: zoneIds.get(key)! });
    const asset = (name: string) => ({ kind: 'asset' as const, id: assetIds.get(name)! });
    findings.create(a.id, {
      title: 'Shared operator account on all SCADA stations',
      requirement: 'SR 1.1',
      scope: zone('scada'),
      severity: 'high',
      description:
        "All operator stations log in automatically as 'operator' with a password written on the desk. Actions in WinCC cannot be traced to a person.",
      recommendation:
        'Create personal accounts in AD, use WinCC user administration with roles, remove auto-logon.',
      owner: 'OT operations manager',
      due: '2027-03-31',
    });
    findings.create(a.id, {
      title: 'Operator station HMI-OP02 runs Windows 7',
      requirement: 'CR 3.4',
      scope: asset('HMI-OP02'),
      severity: 'critical',
      description:
        'Windows 7 SP1 without extended security updates; last patch 2020. Reachable from the DMZ over RDP.',
      recommendation: 'Replace with an IPC on Windows 10 LTSC; until then block RDP to it at FW-OT-CORE.',
      owner: 'Control systems engineer',
      due: '2027-01-31',
      status: 'in-progress',
    });
    findings.create(a.id, {
      title: 'Vendor remote access bypasses the jump host',
      requirement: 'SR 1.13',
      scope: { kind: 'conduit', id: conduitIds[1] },
      severity: 'high',
      description:
        'A TeamViewer client on SCADA-SRV01 is used by the SCADA integrator; the session is not recorded.',
      recommendation:
        'Remove TeamViewer; route vendor sessions through DMZ-JUMP01 with MFA and session recording.',
      owner: 'IT security officer',
      due: '2027-02-28',
    });
    findings.create(a.id, {
      title: 'No offline backup of filtration PLC programs',
      requirement: 'SR 7.3',
      scope: zone('filtration'),
      severity: 'medium',
      description: 'The latest S7-1500 projects exist only on EWS-01; no copy offline, restore never tested.',
      recommendation:
        'Monthly offline backup of all PLC projects with a yearly restore test on the spare CPU.',
      owner: 'Control systems engineer',
      due: '2027-04-30',
    });
    findings.create(a.id, {
      title: 'Chlorine dosing PLC accepts remote program changes',
      requirement: 'CR 2.1',
      scope: asset('PLC-CHM-01 chlorine dosing'),
      severity: 'medium',
      description: 'The M580 has no application password and its key switch is left in REMOTE.',
      recommendation:
        'Set an application password and a memory protection; keep the key switch in RUN and the key in the shift office.',
      owner: 'Process engineer',
      due: null,
      status: 'open',
    });
    return assessments.get(a.id);
  })();
}

import type { Style, Workbook, Worksheet } from 'exceljs';
import { isChecklistItem } from '../../../core/catalog/types';
import {
  COMPONENT_TYPE_NAMES,
  FRS,
  MATURITY_NAMES,
  type MaturityLevel,
  SEVERITIES,
  type SlVector,
  SPE_NAMES,
  type Spe,
} from '../../../core/domain';
import type { Asset, EvidenceMeta, Finding } from '../../../core/model';
import { coveragePercent, isPreliminary } from '../../../core/reports/coverage';
import { gapColor, SEVERITY_COLOR } from './colors';
import type { ReportInput } from './reportInput';
import {
  ASSESSMENT_STATUS_LABELS,
  assessorNames,
  calendarDate,
  evidenceLinks,
  evidenceNames,
  SCOPE_KIND_LABELS,
  SCOPE_KINDS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  scopeName,
  severityCounts,
  severityRank,
  timestamp,
  totalOf,
  vectorText,
  zoneName,
} from './reportText';
import {
  type Column,
  cellText,
  FROZEN_HEADER,
  filled,
  finishTable,
  STYLE,
  setWidths,
  writeHeader,
  writeTable,
} from './xlsxTable';

function kv(ws: Worksheet, label: string, value: string | number | Date | null, style: Partial<Style>) {
  const row = ws.addRow([label, typeof value === 'string' ? cellText(value) : value]);
  row.getCell(1).style = STYLE.label;
  row.getCell(2).style = style;
  row.commit();
}

function heading(ws: Worksheet, text: string, style: Partial<Style> = STYLE.section) {
  ws.addRow([]).commit();
  const row = ws.addRow([text]);
  row.getCell(1).style = style;
  row.commit();
}

function note(ws: Worksheet, text: string) {
  const row = ws.addRow([text]);
  row.getCell(1).style = STYLE.plain;
  row.commit();
}

/** Header facts, counts by severity and scope, and SL-T against SL-A for every zone. */
export function writeSummary(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet('Summary');
  ws.columns = [{ width: 26 }, ...FRS.map(() => ({ width: 13 })), { width: 13 }];
  const a = input.model.assessment;
  const title = ws.addRow([cellText(`Gap register: ${a.title}`)]);
  title.getCell(1).style = STYLE.title;
  title.commit();
  ws.addRow([]).commit();
  kv(ws, 'Assessment', a.title, STYLE.plain);
  kv(ws, 'Organisation', a.organisation, STYLE.plain);
  kv(ws, 'Site', a.site, STYLE.plain);
  kv(ws, 'Status', ASSESSMENT_STATUS_LABELS[a.status], STYLE.plain);
  kv(ws, 'Start date', calendarDate(input.startDate), STYLE.date);
  kv(ws, 'End date', calendarDate(input.endDate), STYLE.date);
  kv(ws, 'Assessors', assessorNames(input.model), STYLE.plain);
  kv(ws, 'Signed by', input.signer ? input.signer.name : 'Not signed', STYLE.plain);
  if (input.signer) kv(ws, 'Signer fingerprint', input.signer.fingerprint, STYLE.mono);
  kv(ws, 'Redaction profile', input.redaction, STYLE.plain);
  kv(ws, 'Generated (UTC)', timestamp(input.generatedAt), STYLE.dateTime);
  kv(
    ws,
    'Catalogs',
    input.catalogVersions
      .map(
        (c) =>
          `${c.catalogId} (${c.edition})${c.overlay ? ` + licensed text ${c.overlay.name} ${c.overlay.version}` : ''}`,
      )
      .join('; '),
    STYLE.plain,
  );

  const { overall } = input.score;
  kv(
    ws,
    'Answered',
    `${overall.answered} of ${overall.total} applicable items (${coveragePercent(overall)}%)${isPreliminary(overall) ? ': preliminary, below the 80% a final report needs' : ''}`,
    STYLE.plain,
  );
  kv(ws, 'Open questions', input.score.openQuestions.length, STYLE.plain);

  heading(ws, 'Gaps and findings by severity');
  const counts = severityCounts(input);
  const header = [
    'Severity',
    ...SCOPE_KINDS.map((k) => `${SCOPE_KIND_LABELS[k]} gaps`),
    'All gaps',
    'Findings',
  ];
  writeHeader(ws, header);
  for (const s of SEVERITIES) {
    const c = counts[s];
    const gaps = SCOPE_KINDS.map((k) => c[k]);
    const row = ws.addRow([SEVERITY_LABELS[s], ...gaps, totalOf({ ...c, findings: 0 }), c.findings]);
    row.getCell(1).style = filled(SEVERITY_COLOR[s].fill, SEVERITY_COLOR[s].text);
    for (let i = 2; i <= header.length; i++) row.getCell(i).style = STYLE.number;
    row.commit();
  }
  const totals = ws.addRow([
    'Total',
    ...SCOPE_KINDS.map((k) => SEVERITIES.reduce((n, s) => n + counts[s][k], 0)),
    input.score.gaps.length,
    input.model.findings.length,
  ]);
  totals.eachCell((c) => {
    c.style = { ...STYLE.number, font: { bold: true } };
  });
  totals.commit();

  heading(ws, 'SL-T against SL-A per zone (each cell: SL-T / SL-A; colour: the gap)');
  if (input.score.zones.length === 0) {
    note(ws, 'No zones in this assessment yet.');
  } else {
    writeHeader(ws, ['Zone', ...FRS, 'Largest gap']);
    for (const z of input.score.zones) {
      const row = ws.addRow([
        cellText(zoneName(input.model, z.id)),
        ...FRS.map((fr) => `${z.slTarget[fr]} / ${z.slAchieved[fr]}`),
        Math.max(...FRS.map((fr) => z.gap[fr])),
      ]);
      row.getCell(1).style = STYLE.text;
      FRS.forEach((fr, i) => {
        const c = gapColor(z.gap[fr]);
        row.getCell(i + 2).style = filled(c.fill, c.text, STYLE.number);
      });
      row.getCell(FRS.length + 2).style = STYLE.number;
      row.commit();
    }
  }
  ws.commit();
}

const severityStyle = (s: Finding['severity']) => filled(SEVERITY_COLOR[s].fill, SEVERITY_COLOR[s].text);

/** Manual findings, most severe first; they are not gap rows and are tracked in the app. */
export function writeFindings(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet('Findings', FROZEN_HEADER);
  const names = evidenceNames(input.evidence);
  const model = input.model;
  const columns: Column<Finding>[] = [
    { header: 'Finding ID', width: 16, value: (f) => f.id, style: STYLE.mono },
    { header: 'Title', width: 36, value: (f) => f.title },
    {
      header: 'Severity',
      width: 11,
      value: (f) => SEVERITY_LABELS[f.severity],
      style: (f) => severityStyle(f.severity),
    },
    { header: 'Status', width: 13, value: (f) => STATUS_LABELS[f.status], style: STYLE.nowrap },
    { header: 'Scope type', width: 13, value: (f) => (f.scope ? SCOPE_KIND_LABELS[f.scope.kind] : '') },
    { header: 'Scope', width: 24, value: (f) => scopeName(model, f.scope) },
    { header: 'Requirement', width: 15, value: (f) => f.requirement ?? '', style: STYLE.nowrap },
    { header: 'Description', width: 50, value: (f) => f.description },
    { header: 'Recommendation', width: 44, value: (f) => f.recommendation },
    { header: 'Owner', width: 20, value: (f) => f.owner },
    { header: 'Due date', width: 12, value: (f) => calendarDate(f.due), style: STYLE.date },
    {
      header: 'Evidence',
      width: 28,
      value: (f) => f.evidence.map((sha) => names.get(sha) ?? sha).join('; '),
    },
  ];
  setWidths(ws, columns);
  const sorted = [...model.findings].sort(
    (x, y) => severityRank(x.severity) - severityRank(y.severity) || x.title.localeCompare(y.title),
  );
  finishTable(ws, columns.length, writeTable(ws, columns, sorted));
  ws.commit();
}

interface VectorRow {
  kind: string;
  name: string;
  measure: string;
  v: SlVector | null;
  isGap: boolean;
}

/** Per zone: SL-T, the zone's own SL-A, its components' SL-A, the achieved minimum and the gap. */
export function writeZones(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet('Zones', FROZEN_HEADER);
  const rows: VectorRow[] = [];
  for (const z of input.score.zones) {
    const name = zoneName(input.model, z.id);
    rows.push(
      { kind: 'Zone', name, measure: 'SL-T (target)', v: z.slTarget, isGap: false },
      { kind: 'Zone', name, measure: 'SL-A system', v: z.slSystem, isGap: false },
      { kind: 'Zone', name, measure: 'SL-A components', v: z.slComponents, isGap: false },
      { kind: 'Zone', name, measure: 'SL-A achieved', v: z.slAchieved, isGap: false },
      { kind: 'Zone', name, measure: 'Gap', v: z.gap, isGap: true },
    );
  }
  for (const c of input.score.conduits) {
    const name = scopeName(input.model, { kind: 'conduit', id: c.id });
    rows.push(
      { kind: 'Conduit', name, measure: 'SL-T (target)', v: c.slTarget, isGap: false },
      { kind: 'Conduit', name, measure: 'SL-A achieved', v: c.slAchieved, isGap: false },
      { kind: 'Conduit', name, measure: 'Gap', v: c.gap, isGap: true },
    );
  }
  const columns: Column<VectorRow>[] = [
    { header: 'Scope type', width: 12, value: (r) => r.kind, style: STYLE.nowrap },
    { header: 'Name', width: 28, value: (r) => r.name },
    { header: 'Measure', width: 18, value: (r) => r.measure, style: STYLE.nowrap },
    ...FRS.map(
      (fr): Column<VectorRow> => ({
        header: fr,
        width: 8,
        // A zone without assets has no component SL-A: the cell stays empty rather than 0.
        value: (r) => (r.v ? r.v[fr] : null),
        style: (r) => {
          if (!r.isGap || !r.v) return STYLE.number;
          const c = gapColor(r.v[fr]);
          return filled(c.fill, c.text, STYLE.number);
        },
      }),
    ),
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, rows));
  ws.commit();
}

export function writeAssets(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet('Assets', FROZEN_HEADER);
  const scores = new Map(input.score.assets.map((a) => [a.id, a]));
  const gapCount = new Map<string, number>();
  for (const g of input.score.gaps)
    if (g.scope.kind === 'asset') gapCount.set(g.scope.id, (gapCount.get(g.scope.id) ?? 0) + 1);
  const columns: Column<Asset>[] = [
    { header: 'Asset', width: 26, value: (a) => a.name },
    { header: 'Zone', width: 22, value: (a) => zoneName(input.model, a.zone) },
    { header: 'Component type', width: 20, value: (a) => COMPONENT_TYPE_NAMES[a.componentType] },
    { header: 'Vendor', width: 16, value: (a) => a.vendor },
    { header: 'Model', width: 16, value: (a) => a.model },
    { header: 'Firmware', width: 12, value: (a) => a.firmware },
    { header: 'Legacy', width: 9, value: (a) => (a.legacy ? 'Yes' : 'No'), style: STYLE.number },
    {
      header: 'SL-T (FR1-FR7)',
      width: 16,
      value: (a) => vectorText(scores.get(a.id)?.slTarget ?? null),
      style: STYLE.nowrap,
    },
    {
      header: 'SL-A (FR1-FR7)',
      width: 16,
      value: (a) => vectorText(scores.get(a.id)?.slAchieved ?? null),
      style: STYLE.nowrap,
    },
    {
      header: 'Gap (FR1-FR7)',
      width: 16,
      value: (a) => vectorText(scores.get(a.id)?.gap ?? null),
      style: STYLE.nowrap,
    },
    { header: 'Gap items', width: 10, value: (a) => gapCount.get(a.id) ?? 0, style: STYLE.number },
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, input.model.assets));
  ws.commit();
}

interface SmsRow {
  spe: Spe;
  id: string;
  title: string;
  maturity: string;
  gap: boolean;
}

/** Every 2-1 requirement with the maturity found, beside its SPE's overall maturity and the target. */
export function writeSmsMaturity(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet('SMS maturity', FROZEN_HEADER);
  const target = input.score.organisation.targetMaturity;
  const answers = new Map(
    input.model.responses.filter((r) => r.scope.kind === 'organisation').map((r) => [r.requirement, r]),
  );
  const gapReqs = new Set(
    input.score.gaps.filter((g) => g.scope.kind === 'organisation').map((g) => g.requirement),
  );
  const rows: SmsRow[] = input.catalogs['2-1'].requirements.filter(isChecklistItem).map((r) => {
    const a = answers.get(r.id);
    let maturity = 'Not answered';
    if (a?.result === 'not-applicable') maturity = 'Not applicable';
    else if (a?.maturity !== null && a?.maturity !== undefined)
      maturity = `ML ${a.maturity} ${MATURITY_NAMES[a.maturity as MaturityLevel]}`;
    return { spe: r.fr as Spe, id: r.id, title: r.title, maturity, gap: gapReqs.has(r.id) };
  });
  const speMaturity = (spe: Spe) => {
    const m = input.score.organisation.maturity[spe];
    return m === null || m === undefined ? 'n/a' : `ML ${m}`;
  };
  const columns: Column<SmsRow>[] = [
    { header: 'SPE', width: 8, value: (r) => r.spe, style: STYLE.nowrap },
    { header: 'Security program element', width: 30, value: (r) => SPE_NAMES[r.spe] ?? r.spe },
    { header: 'SPE maturity', width: 12, value: (r) => speMaturity(r.spe), style: STYLE.number },
    { header: 'Requirement', width: 13, value: (r) => r.id, style: STYLE.nowrap },
    { header: 'Title', width: 44, value: (r) => r.title },
    { header: 'Maturity found', width: 20, value: (r) => r.maturity, style: STYLE.nowrap },
    { header: 'Target ML', width: 10, value: () => target, style: STYLE.number },
    {
      header: 'Below target',
      width: 12,
      value: (r) => (r.gap ? 'Yes' : 'No'),
      style: (r) => (r.gap ? filled(gapColor(1).fill, gapColor(1).text, STYLE.number) : STYLE.number),
    },
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, rows));
  ws.commit();
}

/** Relative path of an evidence file inside the audit package, beside data/gap-register.xlsx. */
export function packagePath(e: EvidenceMeta): string {
  return `evidence/${e.sha256}/${encodeURIComponent(e.fileName)}`;
}

export function writeEvidence(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet('Evidence', FROZEN_HEADER);
  const links = evidenceLinks(input.model);
  const columns: Column<EvidenceMeta>[] = [
    { header: 'File name', width: 30, value: (e) => e.fileName },
    { header: 'SHA-256', width: 68, value: (e) => e.sha256, style: STYLE.mono },
    { header: 'Size (bytes)', width: 13, value: (e) => e.size, style: STYLE.number },
    { header: 'Media type', width: 18, value: (e) => e.mediaType, style: STYLE.nowrap },
    { header: 'Captured (UTC)', width: 17, value: (e) => timestamp(e.capturedAt), style: STYLE.dateTime },
    { header: 'Captured by', width: 18, value: (e) => e.capturedBy },
    { header: 'Description', width: 36, value: (e) => e.description },
    { header: 'Supports', width: 44, value: (e) => (links.get(e.sha256) ?? []).join('; ') },
    {
      header: 'File in audit package',
      width: 24,
      value: (e) => ({ text: 'Open file', hyperlink: packagePath(e) }),
      style: STYLE.link,
    },
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, input.evidence));
  ws.commit();
}

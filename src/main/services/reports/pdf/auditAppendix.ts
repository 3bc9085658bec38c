import { FRS } from '../../../../core/domain';
import type { ItemRef } from '../../../../core/model';
import { controlRows, controlStateDetail, notApplicableAnswers, titleOf } from '../auditLists';
import { CONTROL_STATE_COLOR } from '../colors';
import type { ReportInput } from '../reportInput';
import {
  CERTIFICATE_SCHEME_LABELS,
  CONTROL_KIND_LABELS,
  CONTROL_STATE_LABELS,
  scopeName,
} from '../reportText';
import { type Content, dataTable, empty, t } from './blocks';

// Appendix parts a certification body checks: the controls the result relies on, every N/A and its
// reason, and what product certificates claim against what was observed.

const item = (input: ReportInput, ref: ItemRef) => `${scopeName(input.model, ref.scope)}: ${ref.requirement}`;

export function controlsAppendix(input: ReportInput): Content[] {
  const rows = controlRows(input);
  if (rows.length === 0) return [empty('No compensating controls were recorded.')];
  return [
    dataTable(
      ['*', 54, 110, 64],
      ['Control', 'Kind', 'Covers / implemented by', 'Status'],
      rows.map((r) => [
        {
          stack: [
            t(r.control.description, { bold: true }),
            t(
              [
                r.control.owner && `Owner ${r.control.owner}`,
                r.control.reviewDue && `review due ${r.control.reviewDue}`,
              ]
                .filter(Boolean)
                .join(', '),
              { style: 'small' },
            ),
          ],
        },
        CONTROL_KIND_LABELS[r.control.kind],
        {
          stack: [
            t(r.control.covers.map((c) => item(input, c)).join('\n')),
            t(`Implemented by: ${r.control.implementedBy ? item(input, r.control.implementedBy) : 'none'}`, {
              style: 'small',
            }),
          ],
        },
        {
          stack: [
            {
              text: CONTROL_STATE_LABELS[r.state],
              bold: true,
              color: CONTROL_STATE_COLOR[r.state].text,
              background: CONTROL_STATE_COLOR[r.state].fill,
            },
            t(controlStateDetail(input, r), { style: 'small' }),
          ],
        },
      ]),
      { fontSize: 8 },
    ),
  ];
}

export function notApplicableAppendix(input: ReportInput): Content[] {
  const rows = notApplicableAnswers(input);
  if (rows.length === 0) return [empty('No item was answered not applicable.')];
  return [
    dataTable(
      [100, 70, '*'],
      ['Scope', 'Requirement', 'Justification'],
      rows.map((r) => [
        t(scopeName(input.model, r.scope)),
        { stack: [r.requirement, t(titleOf(input, r), { style: 'small' })] },
        r.justification
          ? t(r.justification)
          : { text: 'no justification recorded (counted as open)', style: 'empty' },
      ]),
      { fontSize: 8 },
    ),
  ];
}

export function certificatesAppendix(input: ReportInput): Content[] {
  const scores = new Map(input.score.assets.map((a) => [a.id, a]));
  const certified = input.model.assets.filter((a) => a.certificates.length > 0);
  if (certified.length === 0) return [empty('No asset carries a product certificate.')];
  const out: Content[] = [];
  for (const asset of certified) {
    const score = scores.get(asset.id);
    for (const c of asset.certificates) {
      const issues = (score?.certificateIssues ?? []).filter((i) => i.certificate === c.number);
      out.push({
        stack: [
          t(`${asset.name}: ${CERTIFICATE_SCHEME_LABELS[c.scheme]} ${c.number}`, { style: 'h3' }),
          t(
            `Issued by ${c.issuer}, valid ${c.validFrom} to ${c.validTo}; claimed SL-C ${FRS.map((fr) => c.slCapability[fr]).join(' ')}; observed SL-C ${score ? FRS.map((fr) => score.slCapability[fr]).join(' ') : 'n/a'}; firmware covered ${c.firmware.join(', ') || 'none listed'}, found ${asset.firmware || 'not recorded'}.`,
            { margin: [0, 0, 0, 3] },
          ),
          issues.length
            ? {
                ul: issues.map((i) =>
                  i.kind === 'firmware'
                    ? t(`Firmware ${i.firmware} is not covered by the certificate.`)
                    : t(
                        `Certified capability not in effect: ${i.requirement} (${i.fr}) is not met as configured.`,
                      ),
                ),
                margin: [0, 0, 0, 8],
              }
            : t('The observed configuration shows what the certificate claims.', {
                style: 'small',
                margin: [0, 0, 0, 8],
              }),
        ],
        unbreakable: true,
      });
    }
  }
  return out;
}

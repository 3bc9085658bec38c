import type { ReportInput } from '../reportInput';
import { ASSESSMENT_STATUS_LABELS, assessorNames, periodText } from '../reportText';
import { type Content, facts, t } from './blocks';

/** Title page: who, where, when, in what state, and who signed it. */
export function cover(input: ReportInput): Content[] {
  const a = input.model.assessment;
  const signer = input.signer;
  return [
    {
      text: 'IEC 62443 ASSESSMENT · FINDINGS REPORT',
      style: 'small',
      margin: [0, 120, 0, 8],
      characterSpacing: 1,
    },
    t(a.title, { style: 'coverTitle' }),
    t([a.organisation, a.site].filter(Boolean).join(' · ') || ' ', {
      style: 'coverSub',
      margin: [0, 8, 0, 40],
    }),
    facts(
      [
        ['Organisation', t(a.organisation || 'not recorded')],
        ['Site', t(a.site || 'not recorded')],
        ['Assessment period', t(periodText(input.startDate, input.endDate))],
        ['Assessors', t(assessorNames(input.model) || 'not recorded')],
        ['Status', ASSESSMENT_STATUS_LABELS[a.status]],
        [
          'Signed by',
          signer ? t(signer.name) : 'Not signed: this report is not part of a signed audit package.',
        ],
        ...(signer
          ? ([['Signer fingerprint', { text: signer.fingerprint, style: 'mono' }]] as [string, Content][])
          : []),
        ['Redaction profile', t(input.redaction)],
        ['Generated', `${input.generatedAt.replace('T', ' ').slice(0, 16)} UTC`],
      ],
      120,
    ),
    ...(signer
      ? [
          {
            text: 'Compare the signer fingerprint with the one the auditor gave you in person or by phone before relying on this report.',
            style: 'small',
            margin: [0, 24, 0, 0],
          },
        ]
      : []),
  ];
}

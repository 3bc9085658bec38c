import { RESULT_LABELS, RESULTS, type ResponseResult } from '../../../../core/domain';

/** Keys 1-5 answer a result-rated item, in the order of the answer buttons. */
export const RESULT_KEYS: readonly { key: string; result: ResponseResult; label: string }[] = RESULTS.map(
  (result, i) => ({
    key: String(i + 1),
    result,
    label: RESULT_LABELS[result],
  }),
);

/** Keys 0-4 rate maturity ML0-ML4 on the 2-1 questionnaire; 5 (or n) marks not applicable. */
export const MATURITY_KEYS: readonly { key: string; maturity: number | null; label: string; hint: string }[] =
  [
    { key: '0', maturity: 0, label: 'ML0', hint: 'Not implemented' },
    { key: '1', maturity: 1, label: 'ML1', hint: 'Initial' },
    { key: '2', maturity: 2, label: 'ML2', hint: 'Managed' },
    { key: '3', maturity: 3, label: 'ML3', hint: 'Defined' },
    { key: '4', maturity: 4, label: 'ML4', hint: 'Improving' },
    { key: '5', maturity: null, label: 'N/A', hint: 'Not applicable' },
  ];

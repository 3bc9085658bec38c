import { describe, expect, it } from 'vitest';
import { uniformSl } from '../../../src/core/domain';
import type { Certificate } from '../../../src/core/model';
import { scoreAssessment } from '../../../src/core/scoring/scoreAssessment';
import { answer, asset, catalog, emptyModel, req, zone } from './fixtures';

const CATALOGS = {
  '3-3': catalog('3-3', [req('SR 1.1', 'FR1', 1)]),
  '4-2': catalog('4-2', [
    req('CR 1.1', 'FR1', 1, { kind: 'CR', componentTypes: ['EDR'] }),
    req('CR 1.1 RE 1', 'FR1', 2, { kind: 'RE', parent: 'CR 1.1', componentTypes: ['EDR'] }),
  ]),
  '2-1': catalog('2-1', []),
};

const CERT: Certificate = {
  scheme: 'isasecure-csa',
  number: 'CSA-42',
  issuer: 'ISCI',
  slCapability: { ...uniformSl(1), FR1: 3 },
  firmware: ['2.1'],
  validFrom: '2025-01-01',
  validTo: '2028-01-01',
};
const A = (id: string) => ({ kind: 'asset' as const, id });

// Two identical PLCs under one certificate; the second runs a firmware the certificate does not list.
const model = emptyModel({
  zones: [zone('z1', uniformSl(2))],
  assets: [
    asset('p1', 'z1', 'EDR', { firmware: '2.1', certificates: [CERT] }),
    asset('p2', 'z1', 'EDR', { firmware: '2.0', certificates: [CERT] }),
  ],
  // CR 1.1 answered not met (observed SL-C in FR1 stays below 3); CR 1.1 RE 1 left unanswered.
  responses: [answer(A('p1'), 'CR 1.1', 'not-met'), answer(A('p2'), 'CR 1.1', 'not-met')],
});

describe('certificates', () => {
  const issues = Object.fromEntries(
    scoreAssessment(model, CATALOGS).assets.map((a) => [a.id, a.certificateIssues]),
  );

  it('lists the answered, not natively satisfied items up to the claimed level as not in effect', () => {
    expect(issues.p1).toEqual([
      { kind: 'not-in-effect', certificate: 'CSA-42', fr: 'FR1', requirement: 'CR 1.1' },
    ]);
  });

  it('reports a firmware the certificate does not cover, per asset', () => {
    expect(issues.p2).toEqual([
      { kind: 'not-in-effect', certificate: 'CSA-42', fr: 'FR1', requirement: 'CR 1.1' },
      { kind: 'firmware', certificate: 'CSA-42', firmware: '2.0' },
    ]);
  });
});

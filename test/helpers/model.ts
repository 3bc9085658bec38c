import { type SecurityLevel, type SlVector, uniformSl } from '../../src/core/domain';
import type { Asset, Conduit, Zone } from '../../src/core/model';
import type { HandlerTable } from '../../src/main/handlers';
import type { AssessmentDetails } from '../../src/shared/contract/assessments';
import { ok } from './workspace';

export const sl = (...v: number[]): SlVector =>
  v.length === 1
    ? uniformSl(v[0] as SecurityLevel)
    : ({ FR1: v[0], FR2: v[1], FR3: v[2], FR4: v[3], FR5: v[4], FR6: v[5], FR7: v[6] } as SlVector);

/** An assessment with zones A (SL-T 2) and B (SL-T 1), made through the handler table. */
export async function smallPlant(table: HandlerTable) {
  const a = await ok<AssessmentDetails>(table['assessments.create']({ title: 'Plant' }));
  const zoneA = await ok<Zone>(
    table['zones.create']({ assessmentId: a.id, name: 'Zone A', slTarget: sl(2) }),
  );
  const zoneB = await ok<Zone>(
    table['zones.create']({ assessmentId: a.id, name: 'Zone B', slTarget: sl(1, 3, 1, 0, 2, 1, 1) }),
  );
  const plc = await ok<Asset>(
    table['assets.create']({ assessmentId: a.id, name: 'PLC 1', zone: zoneA.id, componentType: 'EDR' }),
  );
  return { a, zoneA, zoneB, plc };
}

export async function conduitBetween(table: HandlerTable, assessmentId: string, zones: [string, string]) {
  return ok<Conduit>(
    table['conduits.create']({ assessmentId, name: 'A to B', zones, protocols: ['Modbus/TCP'] }),
  );
}

import type { KnownNames } from '../../core/audit/history/describeEvent';
import { AppError } from '../../shared/errors';
import type { Services } from '.';
import { loadAssessmentModel } from './assessmentModel';

/**
 * What the History's describer knows now, as the window's workspace holds it: the model's zones,
 * conduits, assets and findings, the current gaps and the title. A deleted assessment knows none of
 * these; its trail then reads by the names the events recorded.
 */
export function knownHistoryNames(s: Pick<Services, 'ws' | 'score'>, assessmentId: string): KnownNames {
  try {
    const model = loadAssessmentModel(s.ws, assessmentId);
    return {
      zones: model.zones,
      conduits: model.conduits,
      assets: model.assets,
      findings: model.findings,
      gaps: s.score.get(assessmentId).gaps,
      assessmentTitle: model.assessment.title,
    };
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'not-found')) throw err;
    return { zones: [], conduits: [], assets: [], findings: [] };
  }
}

import { scoreAssessment } from '../../core/scoring/scoreAssessment';
import type { AssessmentScore } from '../../core/scoring/types';
import type { Workspace } from '../workspace';
import { loadAssessmentModel } from './assessmentModel';
import type { WorkspaceCatalogs } from './workspaceCatalogs';

/** Scores an assessment by the pure rules in core/scoring, judged by the workspace's catalogs. */
export class ScoreService {
  constructor(
    private readonly ws: Workspace,
    private readonly catalogs: WorkspaceCatalogs,
  ) {}

  get(assessmentId: string): AssessmentScore {
    return scoreAssessment(loadAssessmentModel(this.ws, assessmentId), {
      '2-1': this.catalogs.byPart('2-1'),
      '3-3': this.catalogs.byPart('3-3'),
      '4-2': this.catalogs.byPart('4-2'),
    });
  }
}

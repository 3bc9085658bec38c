import { it } from 'vitest';
import { scoreAssessment } from '../src/core/scoring/scoreAssessment';
import { loadCatalogs } from '../src/main/services/catalogLoader';
import { generatePlant } from '../test/helpers/scoringPlant';
import { QUICK, timeMs } from './lib';

it('scoring: a plant of 200 assets, 10 zones, 5 conduits, 500 compensating controls, every requirement answered', async () => {
  const [c21, c33, c42] = loadCatalogs('resources/catalogs');
  const catalogs = { '2-1': c21, '3-3': c33, '4-2': c42 };
  const plant = QUICK
    ? generatePlant(catalogs, { zones: 2, conduits: 1, assets: 20, controls: 50 })
    : generatePlant(catalogs, { zones: 10, conduits: 5, assets: 200, controls: 500 });
  let gaps = 0;
  await timeMs(
    `scoreAssessment (${plant.assets.length} assets, ${plant.responses.length.toLocaleString('en')} answers, ${plant.compensatingControls.length} controls)`,
    { n: QUICK ? 5 : 50, warmup: QUICK ? 1 : 5, target: 100 },
    () => {
      gaps = scoreAssessment(plant, catalogs).gaps.length;
    },
  );
  if (gaps === 0) throw new Error('the generated plant should have gaps');
});

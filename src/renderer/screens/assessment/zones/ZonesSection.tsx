import { useMemo } from 'react';
import { parseScopeItem, scopeItem } from '../scopeRoutes';
import type { SectionProps } from '../sections';
import { ImportAssetsWizard } from './ImportAssetsWizard';
import { ScopePage } from './ScopePage';
import { type NewWhat, ZonesOverview } from './ZonesOverview';

/** #/a/<id>/zones[/<item>]: the inventory, a zone/conduit/asset page, or the asset import. */
export function ZonesSection({ assessment, route }: SectionProps) {
  const parsed = parseScopeItem(route.item);
  const key = parsed ? scopeItem(parsed.scope) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope is identified by its key
  const scope = useMemo(() => parsed?.scope, [key]);
  // A new object per navigation, so jumping to the same requirement again re-focuses it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: route identity is the trigger
  const focus = useMemo(() => (parsed?.requirement ? { requirement: parsed.requirement } : null), [route]);
  if (route.item === 'import') return <ImportAssetsWizard assessmentId={assessment.id} />;
  if (scope && scope.kind !== 'organisation') {
    return <ScopePage key={key} assessmentId={assessment.id} scope={scope} focus={focus} />;
  }
  const adding = route.item?.startsWith('new:') ? (route.item.slice(4) as NewWhat) : undefined;
  return <ZonesOverview assessmentId={assessment.id} adding={adding} />;
}

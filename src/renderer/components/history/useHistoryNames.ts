import { useMemo } from 'react';
import type { AuditEvent } from '../../../core/audit/auditChain';
import { type HistoryNames, historyNames } from '../../../core/audit/history/describeEvent';
import { call } from '../../api';
import { useWorkspaceData } from '../../screens/assessment/workspaceData';
import { useAsync } from '../../useAsync';
import { formatDateTime } from '../format';

/**
 * Names for the History: zones, conduits and assets from the model the workspace already holds,
 * finding titles, the current gaps from the score, and whatever the events themselves recorded.
 */
export function useHistoryNames(
  assessmentId: string,
  events: readonly AuditEvent[] | undefined,
  opts: { assessmentTitle?: string; version?: unknown } = {},
): HistoryNames {
  const { zones, conduits, assets, score } = useWorkspaceData();
  const findings = useAsync(() => call('findings.list', { assessmentId }), [assessmentId, opts.version]);
  return useMemo(
    () =>
      historyNames(
        {
          zones,
          conduits,
          assets,
          findings: findings.data ?? [],
          gaps: score?.gaps,
          assessmentTitle: opts.assessmentTitle,
          formatTime: formatDateTime,
        },
        events ?? [],
      ),
    [zones, conduits, assets, findings.data, score?.gaps, opts.assessmentTitle, events],
  );
}

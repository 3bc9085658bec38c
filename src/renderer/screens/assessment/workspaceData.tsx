import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Scope } from '../../../core/domain';
import type { Asset, Conduit, Zone } from '../../../core/model';
import type { AssessmentScore } from '../../../core/scoring/types';
import { call, errorMessage } from '../../api';

/** What every part of the workspace needs about the system under consideration. */
export interface WorkspaceData {
  assessmentId: string;
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  /** The zones, conduits and assets have arrived at least once. */
  loaded: boolean;
  modelError?: string;
  reloadModel: () => void;
  score?: AssessmentScore;
  scoreError?: string;
  /** Recomputes the score soon: called after answers, coalesced so a fast walk costs one recompute. */
  refreshScore: () => void;
}

const Ctx = createContext<WorkspaceData | null>(null);

export function useWorkspaceData(): WorkspaceData {
  const data = useContext(Ctx);
  if (!data) throw new Error('useWorkspaceData outside WorkspaceDataProvider');
  return data;
}

const SCORE_DELAY_MS = 400;

export function WorkspaceDataProvider({
  assessmentId,
  children,
}: {
  assessmentId: string;
  children: ReactNode;
}) {
  const [model, setModel] = useState<{ zones: Zone[]; conduits: Conduit[]; assets: Asset[] }>();
  const [modelError, setModelError] = useState<string>();
  const [modelTick, setModelTick] = useState(0);
  const [score, setScore] = useState<AssessmentScore>();
  const [scoreError, setScoreError] = useState<string>();
  const [scoreTick, setScoreTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: modelTick is the reload trigger
  useEffect(() => {
    let live = true;
    Promise.all([
      call('zones.list', { assessmentId }),
      call('conduits.list', { assessmentId }),
      call('assets.list', { assessmentId }),
    ]).then(
      ([zones, conduits, assets]) => {
        if (!live) return;
        setModel({ zones, conduits, assets });
        setModelError(undefined);
      },
      (e) => live && setModelError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [assessmentId, modelTick]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the ticks are the reload triggers
  useEffect(() => {
    let live = true;
    call('score.get', { assessmentId }).then(
      (s) => {
        if (!live) return;
        setScore(s);
        setScoreError(undefined);
      },
      (e) => live && setScoreError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [assessmentId, scoreTick, modelTick]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const reloadModel = useCallback(() => setModelTick((t) => t + 1), []);
  const refreshScore = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setScoreTick((t) => t + 1), SCORE_DELAY_MS);
  }, []);

  const value = useMemo<WorkspaceData>(
    () => ({
      assessmentId,
      zones: model?.zones ?? [],
      conduits: model?.conduits ?? [],
      assets: model?.assets ?? [],
      loaded: model !== undefined,
      modelError,
      reloadModel,
      score,
      scoreError,
      refreshScore,
    }),
    [assessmentId, model, modelError, reloadModel, score, scoreError, refreshScore],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** A scope's name as the auditor gave it. */
export function scopeName(data: Pick<WorkspaceData, 'zones' | 'conduits' | 'assets'>, scope: Scope): string {
  if (scope.kind === 'organisation') return 'Organisation';
  const list = scope.kind === 'zone' ? data.zones : scope.kind === 'conduit' ? data.conduits : data.assets;
  return list.find((x) => x.id === scope.id)?.name ?? scope.id;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { type Scope, scopeKey } from '../../../../core/domain';
import type { ChecklistResponse } from '../../../../core/model';
import type { Checklist, responsePatch } from '../../../../shared/contract/checklists';
import { call, errorMessage } from '../../../api';

export type ResponsePatch = z.infer<typeof responsePatch>;

/** What the handler will store, shown before it answers (same rules: leaving N/A drops the justification). */
function merge(scope: Scope, requirement: string, prev: ChecklistResponse | undefined, patch: ResponsePatch) {
  const result = patch.result ?? prev?.result ?? 'not-assessed';
  const justification =
    patch.justification ?? (result === 'not-applicable' ? (prev?.justification ?? '') : '');
  return {
    scope,
    requirement,
    result,
    maturity: patch.maturity !== undefined ? patch.maturity : (prev?.maturity ?? null),
    justification,
    comment: patch.comment ?? prev?.comment ?? '',
    flagged: patch.flagged ?? prev?.flagged ?? false,
    evidence: prev?.evidence ?? [],
    assessedBy: prev?.assessedBy ?? '',
    assessedAt: new Date().toISOString(),
  } as ChecklistResponse;
}

/**
 * One scope's checklist with optimistic answers: the screen shows an answer in the same frame,
 * the handler saves it behind, and a refusal puts the previous answer back with the handler's sentence.
 */
export function useChecklist(
  assessmentId: string,
  scope: Scope,
  aboveTarget: boolean,
  onSaved: () => void,
  reloadKey = '',
) {
  const key = scopeKey(scope);
  const [checklist, setChecklist] = useState<Checklist>();
  /** Which list is loaded: answers must not jump before the list asked for has arrived. */
  const [loadedAbove, setLoadedAbove] = useState<boolean>();
  const [responses, setResponses] = useState<ReadonlyMap<string, ChecklistResponse>>(new Map());
  const [loadError, setLoadError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [tick, setTick] = useState(0);
  const current = useRef(responses);
  current.current = responses;
  // A newer edit of the same answer wins: an older request's success or failure must not undo it.
  const versions = useRef(new Map<string, number>());
  const saved = useRef(onSaved);
  saved.current = onSaved;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope is identified by its key
  useEffect(() => {
    let live = true;
    call('checklists.get', { assessmentId, scope, aboveTarget }).then(
      (c) => {
        if (!live) return;
        const map = new Map<string, ChecklistResponse>();
        for (const item of c.items) if (item.response) map.set(item.requirement.id, item.response);
        setChecklist(c);
        setLoadedAbove(aboveTarget);
        setResponses(map);
        setLoadError(undefined);
      },
      (e) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [assessmentId, key, aboveTarget, tick, reloadKey]);

  const put = useCallback((requirement: string, value: ChecklistResponse | undefined) => {
    setResponses((m) => {
      const next = new Map(m);
      if (value) next.set(requirement, value);
      else next.delete(requirement);
      return next;
    });
  }, []);

  const track = useCallback((requirement: string) => {
    const v = (versions.current.get(requirement) ?? 0) + 1;
    versions.current.set(requirement, v);
    return () => versions.current.get(requirement) === v;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope is identified by its key
  const answer = useCallback(
    (requirement: string, patch: ResponsePatch) => {
      const prev = current.current.get(requirement);
      const isLatest = track(requirement);
      put(requirement, merge(scope, requirement, prev, patch));
      call('responses.set', { assessmentId, scope, requirement, patch }).then(
        (value) => {
          if (isLatest()) put(requirement, value);
          setSaveError(undefined);
          saved.current();
        },
        (e) => {
          if (isLatest()) put(requirement, prev);
          setSaveError(`Your answer to ${requirement} was not saved: ${errorMessage(e)}`);
        },
      );
    },
    [assessmentId, key, put, track],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope is identified by its key
  const clear = useCallback(
    (requirement: string) => {
      const prev = current.current.get(requirement);
      if (!prev) return;
      const isLatest = track(requirement);
      put(requirement, undefined);
      call('responses.clear', { assessmentId, scope, requirement }).then(
        () => {
          setSaveError(undefined);
          saved.current();
        },
        (e) => {
          if (isLatest()) put(requirement, prev);
          setSaveError(`The answer to ${requirement} was not cleared: ${errorMessage(e)}`);
        },
      );
    },
    [assessmentId, key, put, track],
  );

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {
    checklist,
    loadedAbove,
    responses,
    loadError,
    saveError,
    dismissSaveError: () => setSaveError(undefined),
    answer,
    clear,
    reload,
  };
}

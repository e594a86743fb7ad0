import { useEffect, useMemo, useRef } from 'react';
import type { IncidentFile } from '../model/incident';

/**
 * What the export menu asks of a draft at the click: its problems as the draft is then, whatever the count on screen
 * waits for (useSettled). Stable, so the memoized menu does not redraw on every keystroke.
 */
export function useDraftBlock(
  file: IncidentFile | undefined,
  problemsOf: ((file: IncidentFile) => readonly unknown[]) | undefined,
  onShowProblems: () => void,
): { problems: () => number; onShowProblems: () => void } {
  const now = useRef(file);
  useEffect(() => {
    now.current = file;
  });
  return useMemo(
    () => ({
      problems: () => (now.current && problemsOf ? problemsOf(now.current).length : 0),
      onShowProblems,
    }),
    [problemsOf, onShowProblems],
  );
}

import { useEffect, useState } from 'react';

/**
 * `value` as it was when typing last paused for `ms`, and `value` itself when not typing: for work that takes longer
 * than a keystroke in a large draft (its check took 360 ms of each at 100,000 events), as the chart already waits.
 */
export function useSettled<T extends object | undefined>(value: T, typing: boolean, ms: number): T {
  const [settled, setSettled] = useState(value);
  // Not typing, it follows at once (React's pattern for state derived from a prop: set while rendering).
  if (!typing && settled !== value) setSettled(value);
  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, typing, ms]);
  return typing ? settled : value;
}

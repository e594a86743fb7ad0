import { useEffect, useRef, useState } from 'react';
import type { TabletopSession } from './use-tabletop-session';

/**
 * Ticks once a second: returns the time now, and while the session clock runs adds the time passed to the current
 * step's notes, so each step's time spent is saved with them.
 */
export function useStepTimer(tabletop: TabletopSession, step: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const last = useRef(now);
  const running = tabletop.session?.runningSince !== undefined;
  const { updateNote } = tabletop;
  useEffect(() => {
    last.current = Date.now();
    const timer = setInterval(() => {
      const t = Date.now();
      const delta = t - last.current;
      last.current = t;
      setNow(t);
      if (running && step !== undefined)
        updateNote(step, (n) => ({ ...n, spentMs: n.spentMs + delta }), true);
    }, 1000);
    return () => clearInterval(timer);
  }, [running, step, updateNote]);
  return now;
}

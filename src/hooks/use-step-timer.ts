import { useEffect, useEffectEvent, useState } from 'react';
import { stepClockFrom } from '../model/tabletop';
import type { TabletopSession } from './use-tabletop-session';

/**
 * Ticks once a second: returns the time now, and while the session clock runs adds the time passed to the current
 * step's notes, so each step's time spent is saved with them, with the moment it was counted to.
 */
export function useStepTimer(tabletop: TabletopSession, step: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const since = tabletop.session?.runningSince;
  const running = since !== undefined;
  const { updateNote, notes } = tabletop;
  // Read once as the clock starts on a step: the notes change every second and must not restart it.
  const startAt = useEffectEvent((t: number) =>
    since === undefined || step === undefined ? t : stepClockFrom(notes, step, since, t),
  );
  useEffect(() => {
    let last = startAt(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      const delta = t - last;
      last = t;
      setNow(t);
      if (running && step !== undefined)
        updateNote(step, (n) => ({ ...n, spentMs: n.spentMs + delta, countedTo: t }), true);
    }, 1000);
    return () => clearInterval(timer);
  }, [running, step, updateNote]);
  return now;
}

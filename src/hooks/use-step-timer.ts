import { useEffect, useEffectEvent, useState } from 'react';
import { countStepTime, stepClockFrom } from '../model/tabletop';
import type { TabletopSession } from './use-tabletop-session';

/**
 * Ticks once a second: returns the time now, and while the session clock runs adds the time passed to the current
 * step's notes, so each step's time spent is saved with them, with the moment it was counted to. The part of a tick
 * cut short by a step change, a pause, or the window closing or hiding is the shown step's too.
 */
export function useStepTimer(tabletop: TabletopSession, step: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const since = tabletop.session?.runningSince;
  const running = since !== undefined;
  const { updateNote, flush, currentNotes } = tabletop;
  // Read once as the clock starts on a step: the notes change every second and must not restart it. The current
  // notes, not the rendered ones: a clock restarted on its step must see what its cleanup just counted.
  const startAt = useEffectEvent((t: number) =>
    since === undefined || step === undefined ? t : stepClockFrom(currentNotes(), step, since, t),
  );
  useEffect(() => {
    let last = startAt(Date.now());
    const count = () => {
      const t = Date.now();
      if (running && step !== undefined) updateNote(step, (n) => countStepTime(n, last, t), true);
      last = t;
      return t;
    };
    // A window going away saves now: the notes' save waits a moment that may never come.
    const leave = () => {
      count();
      flush();
    };
    // Mobile browsers may close a hidden page without a pagehide.
    const hide = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    const timer = setInterval(() => setNow(count()), 1000);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hide);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hide);
      leave();
    };
  }, [running, step, updateNote, flush]);
  return now;
}

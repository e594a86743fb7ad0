import { useEffect, useState } from 'react';

/** Milliseconds since the session started; the start is kept in sessionStorage so a reload does not reset it. */
export function useSessionClock(key: string): number {
  const [started] = useState(() => {
    const stored = Number(sessionStorage.getItem(key));
    if (Number.isFinite(stored) && stored > 0) return stored;
    const now = Date.now();
    sessionStorage.setItem(key, String(now));
    return now;
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, now - started);
}

import { useEffect, useRef } from 'react';
import type { IncidentTimelineBench } from '../../bench/hook-contract';
import { zoomWindow } from '../model/chart-model';
import type { TimeWindow } from '../model/time';
import { restartQuietWaits } from './ready';
import type { SetView } from './use-view-state';

/** Only the benchmark's build (`npm run bench`) sets this; elsewhere the hooks below are never installed. */
export const BENCH_HOOKS = import.meta.env.VITE_BENCH_HOOKS === '1';

const drawn = new Set<() => void>();

/** The chart calls this after every redraw, so a hook can resolve once its change is on screen. */
export function notifyDrawn() {
  for (const resolve of [...drawn]) resolve();
  drawn.clear();
}

// Each hook stands for a click, so like one it puts off what waits for the user to leave the page alone.
const nextDraw = () => {
  restartQuietWaits();
  return new Promise<void>((resolve) => drawn.add(resolve));
};

/** Installs `window.__incidentTimelineBench` (bench/hook-contract.ts) for the benchmark build only. */
export function useBenchHooks(setView: SetView, shownWindow: TimeWindow | undefined) {
  const windowRef = useRef(shownWindow);
  useEffect(() => {
    windowRef.current = shownWindow;
  });
  useEffect(() => {
    if (!BENCH_HOOKS) return;
    const hooks: IncidentTimelineBench = {
      applyFilter: (facet, ids) => {
        const drawnAfter = nextDraw();
        setView((s) => ({ ...s, filters: { ...s.filters, [facet]: ids } }));
        return drawnAfter;
      },
      zoom: (factor) => {
        const drawnAfter = nextDraw();
        const w = windowRef.current;
        if (w) setView((s) => ({ ...s, window: zoomWindow(w, factor) }), { replace: true });
        return drawnAfter;
      },
      pan: (fraction) => {
        const drawnAfter = nextDraw();
        const w = windowRef.current;
        const by = w ? (w.to - w.from) * fraction : 0;
        if (w)
          setView((s) => ({ ...s, window: { from: w.from + by, to: w.to + by } }), {
            replace: true,
          });
        return drawnAfter;
      },
      search: (q) => {
        const drawnAfter = nextDraw();
        setView((s) => ({ ...s, q }));
        return drawnAfter;
      },
      regroup: (group) => {
        const drawnAfter = nextDraw();
        setView((s) => ({ ...s, group }));
        return drawnAfter;
      },
    };
    window.__incidentTimelineBench = hooks;
    return () => {
      delete window.__incidentTimelineBench;
    };
  }, [setView]);
}

// The main screen's chart, whose code loads beside the page's (src/loading/chart-code.ts).
import { useEffect, useState } from 'react';
import { loadChart, loadedChart, type ChartModule } from '../loading/chart-code';
import type { TimelineChartProps } from './timeline-chart';

/** The chart, with an empty chart box in its place while its code arrives. */
export function LazyTimelineChart(props: TimelineChartProps) {
  // Code already here is used at once. Code still on its way is waited for by an effect, not by Suspense: React
  // holds a suspended boundary's content back for its 300 ms reveal throttle, which left the page idle for
  // 150-330 ms before the chart in a third of traced 1,000-event loads. Kept for the component's life, so the chart
  // is never remounted.
  const [loaded, setLoaded] = useState<ChartModule | Error | undefined>(loadedChart);
  useEffect(() => {
    if (loaded) return;
    let mounted = true;
    loadChart().then(
      (module) => mounted && setLoaded(module),
      (error: unknown) =>
        mounted && setLoaded(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      mounted = false;
    };
  }, [loaded]);
  // The chart's boundary says why it is missing.
  if (loaded instanceof Error) throw loaded;
  if (loaded) return <loaded.TimelineChart {...props} />;
  return <div className="timeline-chart" />;
}

// The main screen's chart, whose code loads beside the page's (src/loading/chart-code.ts).
import { lazy, Suspense, useState } from 'react';
import { loadChart, loadedChart } from '../loading/chart-code';
import type { TimelineChartProps } from './timeline-chart';

const LoadedTimelineChart = lazy(() => loadChart().then((m) => ({ default: m.TimelineChart })));

/** The chart, with an empty chart box in its place while its code arrives. */
export function LazyTimelineChart(props: TimelineChartProps) {
  // Code already here is used at once: suspending on it anyway held the chart back for React's 300 ms reveal
  // throttle (an idle gap of 150-270 ms in traced 1,000-event loads). Kept for the component's life, so the chart
  // is never remounted when its code arrives later.
  const [loaded] = useState(loadedChart);
  if (loaded) return <loaded.TimelineChart {...props} />;
  return (
    <Suspense fallback={<div className="timeline-chart" />}>
      <LoadedTimelineChart {...props} />
    </Suspense>
  );
}

// The main screen's chart, whose code loads beside the page's (src/loading/chart-code.ts).
import { lazy, Suspense } from 'react';
import { loadChart } from '../loading/chart-code';
import type { TimelineChartProps } from './timeline-chart';

const LoadedTimelineChart = lazy(() => loadChart().then((m) => ({ default: m.TimelineChart })));

/** The chart, with an empty chart box in its place while its code arrives. */
export function LazyTimelineChart(props: TimelineChartProps) {
  return (
    <Suspense fallback={<div className="timeline-chart" />}>
      <LoadedTimelineChart {...props} />
    </Suspense>
  );
}

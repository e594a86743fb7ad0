// The main screen's chart, whose code loads beside the page's (src/loading/chart-code.ts).
import { lazy, Suspense } from 'react';
import { loadChart } from '../loading/chart-code';
import type { TimelineChartProps } from './timeline-chart';

const LazyTimelineChart = lazy(() => loadChart().then((m) => ({ default: m.TimelineChart })));

/** The chart, with an empty chart box of the same size while its code arrives. */
export function TimelineChart(props: TimelineChartProps) {
  return (
    <Suspense fallback={<div className="timeline-chart" />}>
      <LazyTimelineChart {...props} />
    </Suspense>
  );
}

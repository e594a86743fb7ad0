import type { ChartWords } from './chart-view';
import { DAY } from './time';

/** Chart words for tests: plain English, each marked so a test can tell which one was used. */
export const testWords: ChartWords = {
  milestone: (kind) => `M:${kind}`,
  hiddenGap: (ms) => `${Math.round(ms / DAY)} days hidden`,
  aggregate: (n) => `${n} events`,
  aggregateHint: 'click to zoom in',
  when: (e) => e.start,
  side: (s) => s,
  outcome: (o) => o,
  inferred: 'Inferred',
};

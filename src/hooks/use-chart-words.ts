import { useMemo } from 'react';
import { eventWhen } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { ChartWords } from '../model/chart-view';
import { formatSpanShort } from '../model/time';

/** The chart's words in the UI language, the same object for as long as the language stays. */
export function useChartWords(): ChartWords {
  const { t, locale } = useI18n();
  return useMemo(
    () => ({
      milestone: (kind) => t.milestones[kind] ?? kind,
      hiddenGap: (ms) => t.hiddenGap(formatSpanShort(ms, locale)),
      aggregate: t.eventsCount,
      aggregateHint: t.aggregateHint,
      when: (e) => eventWhen(e, t),
      side: (side) => t.sides[side] ?? side,
      outcome: (outcome) => t.outcomes[outcome] ?? outcome,
      inferred: t.inferred,
    }),
    [t, locale],
  );
}

// Incident metrics (time to detect, contain, eradicate; dwell time…) computed from the events' milestone flags.
import type { Incident, MilestoneKind, TimelineEvent } from './incident';
import { memo } from './memo';
import { coarser, DAY, type Precision } from './time';

export const METRICS = [
  { id: 'compromise-to-first-use', from: 'credential-compromise', to: 'first-adversary-activity' },
  { id: 'time-to-detect', from: 'first-adversary-activity', to: 'detection' },
  { id: 'time-to-contain', from: 'detection', to: 'containment' },
  { id: 'time-to-eradicate', from: 'detection', to: 'eradication' },
  { id: 'dwell-time', from: 'first-adversary-activity', to: 'last-adversary-activity' },
  { id: 'recovery', from: 'recovery-start', to: 'recovery-complete' },
] as const satisfies readonly { id: string; from: MilestoneKind; to: MilestoneKind }[];

export type MetricId = (typeof METRICS)[number]['id'];

export interface Metric {
  id: MetricId;
  from: TimelineEvent;
  to: TimelineEvent;
  ms: number;
  /** The precision the span is known to: the coarser endpoint's, but minute endpoints still count seconds. */
  precision: Precision;
}

const utcDay = (ms: number) => Math.floor(ms / DAY) * DAY;

// Per event list: the metrics, the chart's flags and each selected event's T+ label read it, and at 100,000
// events a pass over them costs 20 ms. A list is never changed in place, only replaced.
const found = new WeakMap<readonly TimelineEvent[], ReadonlyMap<MilestoneKind, TimelineEvent>>();

/** The first event carrying each milestone flag. */
export function milestones(incident: Incident): ReadonlyMap<MilestoneKind, TimelineEvent> {
  return memo(found, incident.events, (events) => {
    const first = new Map<MilestoneKind, TimelineEvent>();
    for (const e of events) for (const m of e.milestones ?? []) if (!first.has(m)) first.set(m, e);
    return first;
  });
}

/** Every metric whose two milestones the incident has. */
export function computeMetrics(incident: Incident): Metric[] {
  const at = milestones(incident);
  return METRICS.flatMap((m) => {
    const from = at.get(m.from);
    const to = at.get(m.to);
    if (!from || !to) return [];
    const p = coarser(from.precision, to.precision);
    // A date has no time of day, so a span with a date at either end counts the calendar days between them.
    const days = p === 'day' || p === 'month';
    return [
      {
        id: m.id,
        from,
        to,
        ms: days ? utcDay(to.startMs) - utcDay(from.startMs) : to.startMs - from.startMs,
        precision: p === 'minute' ? 'second' : p,
      },
    ];
  });
}

/** Time since the first adversary activity, for "T+" labels; undefined when the incident has no such milestone. */
export function sinceFirstActivity(incident: Incident, e: TimelineEvent): number | undefined {
  const first = milestones(incident).get('first-adversary-activity');
  return first ? e.startMs - first.startMs : undefined;
}

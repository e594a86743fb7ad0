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

/** A span between two events' starts, and the precision it is known to. */
export interface Span {
  ms: number;
  /** The coarser endpoint's, but minute endpoints still count seconds. */
  precision: Precision;
}

export interface Metric extends Span {
  id: MetricId;
  from: TimelineEvent;
  to: TimelineEvent;
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

/**
 * From `from`'s start to `to`'s. A date has no time of day, so a span with a date at either end counts the calendar
 * days between them: a date-only event the day after an exact one is a day later, not the hours to its midnight.
 */
export function spanBetween(from: TimelineEvent, to: TimelineEvent): Span {
  const p = coarser(from.precision, to.precision);
  const days = p === 'day' || p === 'month';
  return {
    ms: days ? utcDay(to.startMs) - utcDay(from.startMs) : to.startMs - from.startMs,
    precision: p === 'minute' ? 'second' : p,
  };
}

/** Every metric whose two milestones the incident has. */
export function computeMetrics(incident: Incident): Metric[] {
  const at = milestones(incident);
  return METRICS.flatMap((m) => {
    const from = at.get(m.from);
    const to = at.get(m.to);
    return from && to ? [{ id: m.id, from, to, ...spanBetween(from, to) }] : [];
  });
}

/**
 * Time since the first adversary activity, for "T+" labels (spanBetween: in calendar days with a date at either
 * end); undefined when the incident has no such milestone.
 */
export function sinceFirstActivity(incident: Incident, e: TimelineEvent): Span | undefined {
  const first = milestones(incident).get('first-adversary-activity');
  return first && spanBetween(first, e);
}

/** Whether `since` is a date on the day of the first activity: neither before nor after it ("T: the same day"). */
export const onTheSameDay = (since: Span): boolean =>
  (since.precision === 'day' || since.precision === 'month') && since.ms === 0;

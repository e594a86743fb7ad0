// Shared UI wording for times: a UTC stamp at the event's precision, with "time not given" where it applies.
import type { Messages } from './en';
import type { TimelineEvent } from '../model/incident';
import { utcStamp, type Precision } from '../model/time';

export function whenText(ms: number, precision: Precision, t: Messages): string {
  const stamp = utcStamp(ms, precision);
  if (precision === 'day') return `${stamp}, ${t.timeNotGiven}`;
  if (precision === 'month') return `${stamp}, ${t.dayNotGiven}`;
  return `${stamp} UTC`;
}

/** "2023-11-17 14:33:52 UTC – 2023-11-20 09:26:53 UTC" for ranges, the start alone for points. */
export function eventWhen(e: TimelineEvent, t: Messages): string {
  const start = whenText(e.startMs, e.precision, t);
  return e.end === undefined ? start : `${start} – ${whenText(Date.parse(e.end), e.precision, t)}`;
}

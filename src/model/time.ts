// UTC time math: precision windows, intervals in epoch ms, durations and labels. Nothing here reads the local time zone.
// UTCDateMini: UTC getters without UTCDate's string formatters, whose three Intl formats cost 50 ms at page start.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addMonths, formatDuration, type Locale } from 'date-fns';

export const PRECISIONS = ['second', 'minute', 'hour', 'day', 'month'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A span of time in epoch ms, `from` inclusive and `to` exclusive: a chart window, a fold, a bin. */
export interface TimeWindow {
  from: number;
  to: number;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The exclusive end of the precision window that starts at `ms` (a day-precision time covers the whole UTC day). */
export function precisionEnd(ms: number, precision: Precision): number {
  // UTC has no daylight saving, so up to a day the window is a fixed length; a month is not.
  switch (precision) {
    case 'second':
      return ms + 1000;
    case 'minute':
      return ms + 60_000;
    case 'hour':
      return ms + 3_600_000;
    case 'day':
      return ms + 86_400_000;
    case 'month':
      return addMonths(new UTCDateMini(ms), 1).getTime();
  }
}

/** True when `iso` carries no more detail than `precision` (minute precision has zero seconds, day precision is midnight). */
export function isAlignedToPrecision(iso: string, precision: Precision): boolean {
  const ms = Date.parse(iso);
  // Epoch ms count no leap seconds, so a whole second, minute, hour or UTC day is a multiple of its length; checked
  // for every time of a large file, the remainder is cheaper than a Date and its getters.
  switch (precision) {
    case 'second':
      return ms % SECOND === 0;
    case 'minute':
      return ms % MINUTE === 0;
    case 'hour':
      return ms % HOUR === 0;
    case 'day':
      return ms % DAY === 0;
    case 'month':
      return ms % DAY === 0 && new Date(ms).getUTCDate() === 1;
  }
}

/** An event's interval: from its start to the end of the precision window of its end (or of its start, for a point). */
export function intervalOf(e: { start: string; end?: string; precision: Precision }): {
  startMs: number;
  endMs: number;
} {
  const startMs = Date.parse(e.start);
  return {
    startMs,
    endMs: precisionEnd(e.end === undefined ? startMs : Date.parse(e.end), e.precision),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2023-11-22", always in UTC. */
export function utcDate(ms: number): string {
  const d = new UTCDateMini(ms);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The time written to the precision it is known at, without any "time not given" wording: "2023-11-22 14:18:22". */
export function utcStamp(ms: number, precision: Precision): string {
  const d = new UTCDateMini(ms);
  const date = utcDate(ms);
  switch (precision) {
    case 'month':
      return date.slice(0, 7);
    case 'day':
      return date;
    case 'hour':
      return `${date} ${pad(d.getHours())}:00`;
    case 'minute':
      return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    case 'second':
      return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }
}

/** Precisions ordered from finest to coarsest; the coarser of two endpoints limits a duration. */
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISIONS.indexOf(a) >= PRECISIONS.indexOf(b) ? a : b;
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Splits a span into days, hours, minutes and seconds. UTC has no DST, so a day is always 24 h;
 * date-fns' intervalToDuration would fold days into calendar months, which reads badly for 39 days.
 */
export function durationParts(ms: number, precision: Precision = 'second'): DurationParts {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  if (precision === 'day' || precision === 'month')
    return { days, hours: 0, minutes: 0, seconds: 0 };
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const seconds = Math.floor((abs % MINUTE) / SECOND);
  if (precision === 'hour') return { days, hours, minutes: 0, seconds: 0 };
  return { days, hours, minutes, seconds };
}

/** "9 days 6 hours 37 minutes 11 seconds", in the given date-fns locale; "0 seconds" for an empty span. */
export function formatSpan(ms: number, precision: Precision = 'second', locale?: Locale): string {
  const parts = durationParts(ms, precision);
  const text = formatDuration(parts, { format: ['days', 'hours', 'minutes', 'seconds'], locale });
  if (text) return text;
  const zero = precision === 'day' || precision === 'month' ? { days: 0 } : { seconds: 0 };
  return formatDuration(zero, { zero: true, locale });
}

/** The two largest units only, for "2 days 18 hours pass" between steps. */
export function formatSpanShort(ms: number, locale?: Locale): string {
  const parts = durationParts(ms);
  const units = (['days', 'hours', 'minutes', 'seconds'] as const)
    .filter((u) => parts[u] > 0)
    .slice(0, 2);
  if (units.length === 0) return formatDuration({ seconds: 0 }, { zero: true, locale });
  return formatDuration(parts, { format: [...units], locale });
}

/** Parses an ISO 8601 UTC string; undefined when it is not one. */
export function parseUtc(iso: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.test(iso)) return undefined;
  const full = iso.length === 10 ? `${iso}T00:00:00Z` : iso;
  const ms = Date.parse(full);
  // Date.parse rolls 2023-02-31 over into March and 24:00 into the next day: a real time reads back as written.
  const written = full.slice(0, full.length >= 20 ? 19 : 16);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(written) ? ms : undefined;
}

/** Epoch ms as an ISO 8601 UTC string without milliseconds when they are zero. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

type Ordered = { id: string; startMs: number; endMs: number; precision: Precision };

/** Reading order's ties: start, end, then id, never file order. */
const tieBreak = (a: Ordered, b: Ordered) =>
  a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where each event of a list stands in reading order, and the events' intervals, in the list's own order. */
export interface ReadingOrder {
  /** `order[k]` is the list position of the k-th event in reading order. */
  order: Uint32Array;
  startMs: Float64Array;
  endMs: Float64Array;
}

/**
 * The list positions of events in reading order, given their intervals by position. An event is placed at the
 * latest moment its precision allows, so "2023-11-14, time not given" follows "2023-11-14 09:22:49" instead of
 * preceding it; ties fall to start, end, then id, never file order. Positions are sorted over typed arrays, not
 * events: at 100,000 full-field events in Node, sorting an object per event, then finding each one's place in the
 * file by its id, took 240–310 ms, and this 130–170.
 */
function positionsInReadingOrder(
  events: readonly { id: string; precision: Precision }[],
  startMs: Float64Array,
  endMs: Float64Array,
): Uint32Array {
  const latest = new Float64Array(events.length);
  // An array, not a Uint32Array: V8 sorts it with a comparator in three quarters of the time.
  const order: number[] = [];
  for (let i = 0; i < events.length; i++) {
    latest[i] = precisionEnd(startMs[i]!, events[i]!.precision);
    order.push(i);
  }
  const byId = (a: number, b: number) => {
    const ida = events[a]!.id;
    const idb = events[b]!.id;
    return ida < idb ? -1 : ida > idb ? 1 : 0;
  };
  order.sort(
    (a, b) =>
      latest[a]! - latest[b]! || startMs[a]! - startMs[b]! || endMs[a]! - endMs[b]! || byId(a, b),
  );
  return new Uint32Array(order);
}

/**
 * Sorts events into reading order (positionsInReadingOrder's rule) as objects, in two parts: `add` makes an event's
 * sort key as it arrives, `sorted` sorts all those added and lets them go. A page given 100,000 events in slices
 * makes the keys slice by slice: made with the sort after the last slice, they were half of a task of 90-200 ms.
 * Sorting objects is as fast as sorting their positions in Node, and faster the first time, which counts on a page.
 */
export function readingOrderSorter<E extends Ordered>() {
  const keyed: { e: E; key: number }[] = [];
  return {
    add(e: E) {
      keyed.push({ e, key: precisionEnd(e.startMs, e.precision) });
    },
    sorted(): E[] {
      return keyed
        .splice(0)
        .sort(({ e: a, key: ka }, { e: b, key: kb }) => ka - kb || tieBreak(a, b))
        .map(({ e }) => e);
    },
  };
}

/** The reading order of events as a file writes them, each interval worked out once; the events are not changed. */
export function readingOrderOf(
  events: readonly { id: string; start: string; end?: string; precision: Precision }[],
): ReadingOrder {
  const startMs = new Float64Array(events.length);
  const endMs = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const interval = intervalOf(events[i]!);
    startMs[i] = interval.startMs;
    endMs[i] = interval.endMs;
  }
  return { order: positionsInReadingOrder(events, startMs, endMs), startMs, endMs };
}

/** Events as written, given their intervals and put in the reading order `readingOrderOf` found for them. */
export function inReadingOrder<E extends object>(
  events: readonly E[],
  { order, startMs, endMs }: ReadingOrder,
): (E & { startMs: number; endMs: number })[] {
  const timed = events as (E & { startMs: number; endMs: number })[];
  timed.forEach((e, i) => {
    e.startMs = startMs[i]!;
    e.endMs = endMs[i]!;
  });
  // A loop, not Array.from(order, …), whose iterator took longer than the sort at 100,000 events.
  const sorted = new Array<E & { startMs: number; endMs: number }>(order.length);
  for (let k = 0; k < order.length; k++) sorted[k] = timed[order[k]!]!;
  return sorted;
}

/** Negative when `a` comes before `b` in reading order (readingOrderSorter), positive after, 0 for the same event. */
export const readingOrder = (a: Ordered, b: Ordered) =>
  precisionEnd(a.startMs, a.precision) - precisionEnd(b.startMs, b.precision) || tieBreak(a, b);

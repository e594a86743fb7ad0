// Time-axis labels in the reader's language and always in UTC: one template per axis scale and language.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import type { Day, Locale, Month } from 'date-fns';
import type { Lang } from './text';

/** vis-timeline's axis scales, from the finest. */
export const AXIS_SCALES = [
  'millisecond',
  'second',
  'minute',
  'hour',
  'weekday',
  'day',
  'week',
  'month',
  'year',
] as const;
export type AxisScale = (typeof AXIS_SCALES)[number];

/** Minor labels mark each step; major labels name the larger unit the steps fall in. */
export type AxisLevel = 'minor' | 'major';

/** The pieces of one UTC time that labels are built from; names come from the date-fns locale. */
interface Parts {
  year: string;
  month: number;
  day: number;
  hhmm: string;
  hhmmss: string;
  second: number;
  ms: string;
  monthShort: string;
  monthLong: string;
  weekdayShort: string;
  weekdayLong: string;
}

type Labels = Record<AxisLevel, Record<AxisScale, (p: Parts) => string>>;

// English keeps vis-timeline's own default labels, but a week step names its first day (the chart is read by day,
// not by week number); Chinese writes dates the way Taiwan does (2023年11月23日).
const LABELS: Record<Lang, Labels> = {
  en: {
    minor: {
      millisecond: (p) => p.ms,
      second: (p) => String(p.second),
      minute: (p) => p.hhmm,
      hour: (p) => p.hhmm,
      weekday: (p) => `${p.weekdayShort} ${p.day}`,
      day: (p) => String(p.day),
      week: (p) => String(p.day),
      month: (p) => p.monthShort,
      year: (p) => p.year,
    },
    major: {
      millisecond: (p) => p.hhmmss,
      second: (p) => `${p.day} ${p.monthLong} ${p.hhmm}`,
      minute: (p) => `${p.weekdayShort} ${p.day} ${p.monthLong}`,
      hour: (p) => `${p.weekdayShort} ${p.day} ${p.monthLong}`,
      weekday: (p) => `${p.monthLong} ${p.year}`,
      day: (p) => `${p.monthLong} ${p.year}`,
      week: (p) => `${p.monthLong} ${p.year}`,
      month: (p) => p.year,
      year: () => '',
    },
  },
  'zh-Hant': {
    minor: {
      millisecond: (p) => p.ms,
      second: (p) => `${p.second}秒`,
      minute: (p) => p.hhmm,
      hour: (p) => p.hhmm,
      weekday: (p) => `${p.day}日 ${p.weekdayShort}`,
      day: (p) => `${p.day}日`,
      week: (p) => `${p.day}日`,
      month: (p) => p.monthShort,
      year: (p) => `${p.year}年`,
    },
    major: {
      millisecond: (p) => p.hhmmss,
      second: (p) => `${p.month}月${p.day}日 ${p.hhmm}`,
      minute: (p) => `${p.month}月${p.day}日 ${p.weekdayLong}`,
      hour: (p) => `${p.month}月${p.day}日 ${p.weekdayLong}`,
      weekday: (p) => `${p.year}年${p.monthShort}`,
      day: (p) => `${p.year}年${p.monthShort}`,
      week: (p) => `${p.year}年${p.monthShort}`,
      month: (p) => `${p.year}年`,
      year: () => '',
    },
  },
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// The locale's names without date-fns' format(), whose pattern parser adds 2.6 KiB gzip to the first load.
function partsOf(date: Date, locale: Locale): Parts {
  const names = locale.localize;
  const month = date.getMonth() as Month;
  const weekday = date.getDay() as Day;
  const hhmm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return {
    year: pad(date.getFullYear(), 4),
    month: month + 1,
    day: date.getDate(),
    hhmm,
    hhmmss: `${hhmm}:${pad(date.getSeconds())}`,
    second: date.getSeconds(),
    ms: pad(date.getMilliseconds(), 3),
    monthShort: names.month(month, { width: 'abbreviated' }),
    monthLong: names.month(month, { width: 'wide' }),
    weekdayShort: names.day(weekday, { width: 'abbreviated' }),
    weekdayLong: names.day(weekday, { width: 'wide' }),
  };
}

const isScale = (scale: string): scale is AxisScale =>
  (AXIS_SCALES as readonly string[]).includes(scale);

/** The label of the axis step at `ms` (epoch ms), written in UTC with the locale's month and weekday names. */
export function axisLabel(
  ms: number,
  scale: string,
  level: AxisLevel,
  { lang, locale }: { lang: Lang; locale: Locale },
): string {
  if (!isScale(scale)) return '';
  const date = new UTCDateMini(ms);
  // As vis-timeline does: a week step on the 1st of a month that is not a Sunday would crowd the month's label.
  if (level === 'minor' && scale === 'week' && date.getDate() === 1 && date.getDay() !== 0)
    return '';
  return LABELS[lang][level][scale](partsOf(date, locale));
}

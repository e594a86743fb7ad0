// Time-axis labels in the reader's language and always in UTC: a date-fns pattern per axis scale and language.
import { UTCDate } from '@date-fns/utc';
import { format, type Locale } from 'date-fns';
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

type Patterns = Record<AxisLevel, Record<AxisScale, string>>;

// English keeps vis-timeline's own default labels; Chinese writes dates the way Taiwan does (2023年11月23日).
const PATTERNS: Record<Lang, Patterns> = {
  en: {
    minor: {
      millisecond: 'SSS',
      second: 's',
      minute: 'HH:mm',
      hour: 'HH:mm',
      weekday: 'EEE d',
      day: 'd',
      week: 'w',
      month: 'MMM',
      year: 'yyyy',
    },
    major: {
      millisecond: 'HH:mm:ss',
      second: 'd MMMM HH:mm',
      minute: 'EEE d MMMM',
      hour: 'EEE d MMMM',
      weekday: 'MMMM yyyy',
      day: 'MMMM yyyy',
      week: 'MMMM yyyy',
      month: 'yyyy',
      year: '',
    },
  },
  'zh-Hant': {
    minor: {
      millisecond: 'SSS',
      second: "s'秒'",
      minute: 'HH:mm',
      hour: 'HH:mm',
      weekday: "d'日' EEE",
      day: "d'日'",
      week: "'第'w'週'",
      month: 'MMM',
      year: "yyyy'年'",
    },
    major: {
      millisecond: 'HH:mm:ss',
      second: "M'月'd'日' HH:mm",
      minute: "M'月'd'日' EEEE",
      hour: "M'月'd'日' EEEE",
      weekday: "yyyy'年'MMM",
      day: "yyyy'年'MMM",
      week: "yyyy'年'MMM",
      month: "yyyy'年'",
      year: '',
    },
  },
};

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
  const date = new UTCDate(ms);
  // As vis-timeline does: a week step on the 1st of a month that is not a Sunday would crowd the month's label.
  if (level === 'minor' && scale === 'week' && date.getDate() === 1 && date.getDay() !== 0)
    return '';
  const pattern = PATTERNS[lang][level][scale];
  return pattern ? format(date, pattern, { locale }) : '';
}

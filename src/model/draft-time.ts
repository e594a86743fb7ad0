// A time as an editor writes it: shown with only the detail its precision claims, read back or refused with why.
import { isAlignedToPrecision, parseUtc, toIsoUtc, type Precision } from './time';

const SHOWN: Record<Precision, number> = { second: 19, minute: 16, hour: 16, day: 10, month: 7 };

/** The pattern a time of this precision is written in, for the field's hint. */
export const TIME_PATTERN: Record<Precision, string> = {
  second: 'YYYY-MM-DD HH:MM:SS',
  minute: 'YYYY-MM-DD HH:MM',
  hour: 'YYYY-MM-DD HH:00',
  day: 'YYYY-MM-DD',
  month: 'YYYY-MM',
};

/** "2023-11-22T14:18:00Z" at minute precision -> "2023-11-22 14:18". */
export function formatTime(iso: string, precision: Precision): string {
  return iso.replace('T', ' ').slice(0, SHOWN[precision]);
}

export type TimeRead = { ok: true; iso: string } | { ok: false; why: 'format' | 'too-precise' };

/** Reads what was typed: a UTC time written as the pattern (or as ISO with "T" and "Z"). */
export function readTime(text: string, precision: Precision): TimeRead {
  let t = text.trim().replace(' ', 'T').replace(/Z$/i, '');
  if (/^\d{4}-\d{2}$/.test(t)) t += '-01';
  if (/T\d{2}$/.test(t)) t += ':00';
  const ms = parseUtc(t.length === 10 ? t : `${t}Z`);
  if (ms === undefined) return { ok: false, why: 'format' };
  const iso = toIsoUtc(ms);
  return isAlignedToPrecision(iso, precision)
    ? { ok: true, iso }
    : { ok: false, why: 'too-precise' };
}

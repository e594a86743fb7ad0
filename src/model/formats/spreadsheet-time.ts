// Times as responders write them in spreadsheets: zone from the header or chosen once, US or European dates, Excel serials.
import { problemText, type ProblemText } from '../problem-codes';
import { fromEpochMs, type ParsedTime, readIsoTime } from './foreign-time';

/** The zone of times written without one: UTC, a fixed offset in minutes east, or an IANA zone name. */
export type Zone =
  { kind: 'utc' } | { kind: 'offset'; minutes: number } | { kind: 'iana'; name: string };

/** Which of a slashed date's first two numbers is the month. */
export type DateOrder = 'mdy' | 'dmy';

export interface TimeRules {
  zone?: Zone;
  dateOrder?: DateOrder;
}

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/');
  } catch {
    return false;
  }
}

/** A zone as a user types it: "UTC", "Z", "+08:00", "UTC-5", "Asia/Taipei"; undefined when it is none of these. */
export function parseZone(text: string): Zone | undefined {
  const t = text.trim();
  if (/^(utc|gmt|z|zulu)$/i.test(t)) return { kind: 'utc' };
  const m = OFFSET.exec(t);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
    if (Number(m[2]) > 14 || Number(m[3] ?? '0') > 59) return undefined;
    return minutes === 0
      ? { kind: 'utc' }
      : { kind: 'offset', minutes: m[1] === '-' ? -minutes : minutes };
  }
  return isIanaZone(t) ? { kind: 'iana', name: t } : undefined;
}

/** The zone a column header names: "Timestamp (UTC)", "Time UTC+8", "Local time [Europe/Berlin]", "Time Z". */
export function zoneFromHeader(header: string): Zone | undefined {
  for (const part of header.split(/[\s()[\]]+/).filter(Boolean)) {
    if (/^\d/.test(part)) continue;
    const zone = parseZone(part);
    if (zone) return zone;
  }
  return undefined;
}

/** The zone written as the user can type it back in: "UTC", "+08:00", "Asia/Taipei". */
export function zoneText(zone: Zone): string {
  if (zone.kind === 'utc') return 'UTC';
  if (zone.kind === 'iana') return zone.name;
  const abs = Math.abs(zone.minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${zone.minutes < 0 ? '-' : '+'}${hh}:${String(abs % 60).padStart(2, '0')}`;
}

/** Minutes east of UTC that an IANA zone is at the given UTC instant. */
function ianaOffset(name: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utcMs);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall-clock time (given as if it were UTC) in the zone. */
export function wallToUtc(wallMs: number, zone: Zone): number {
  if (zone.kind === 'utc') return wallMs;
  if (zone.kind === 'offset') return wallMs - zone.minutes * 60_000;
  // Two rounds settle the offset on either side of a daylight-saving change.
  let utc = wallMs - ianaOffset(zone.name, wallMs) * 60_000;
  utc = wallMs - ianaOffset(zone.name, utc) * 60_000;
  return utc;
}

const ISO_LOCAL =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/;
const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp][Mm])?)?$/;
const EXCEL = /^\d{5}(?:\.\d+)?$/;
// 1 January 1970 and 1 January 2100 as Excel serial days (day 1 is 1 January 1900 in Excel's 1900 system).
const EXCEL_MIN = 25569;
const EXCEL_MAX = 73051;

/** How a cell writes its time, to find a column that mixes them. */
export type TimeShape = 'iso' | 'slashed' | 'excel' | 'epoch' | 'other';

export function timeShape(text: string): TimeShape {
  const t = text.trim();
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(t)) return 'iso';
  if (SLASHED.test(t)) return 'slashed';
  if (EXCEL.test(t)) return 'excel';
  if (/^-?\d+(\.\d+)?$/.test(t)) return 'epoch';
  return 'other';
}

/** A slashed date's order as the data decides it: a first number over 12 is a day, a second one over 12 too. */
export function detectDateOrder(cells: Iterable<string>): DateOrder | 'ambiguous' | 'conflicting' {
  let dmy = false;
  let mdy = false;
  for (const cell of cells) {
    const m = SLASHED.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  if (dmy && mdy) return 'conflicting';
  return dmy ? 'dmy' : mdy ? 'mdy' : 'ambiguous';
}

function wallTime(
  y: number,
  mo: number,
  d: number,
  h?: string,
  mi?: string,
  s?: string,
): number | undefined {
  const ms = Date.UTC(y, mo - 1, d, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const t = new Date(ms);
  const valid =
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    Number(h ?? 0) < 24 &&
    Number(mi ?? 0) < 60 &&
    Number(s ?? 0) < 60;
  return valid ? ms : undefined;
}

const precisionOf = (h?: string, s?: string) =>
  h === undefined ? 'day' : s === undefined ? 'minute' : 'second';

const outOfRange = problemText('time-range', {});

const inRange = (t: ParsedTime): ParsedTime | ProblemText =>
  t.ms >= MIN_MS && t.ms < MAX_MS ? t : outOfRange;

/**
 * One spreadsheet cell as a UTC time, or the problem of what was expected instead. A date alone is a whole day, in
 * UTC (a day has no zone to shift it by); hh:mm is a minute; a time without an offset is in `rules.zone`.
 */
export function readSpreadsheetTime(text: string, rules: TimeRules): ParsedTime | ProblemText {
  const t = text.trim();
  const withZone = readIsoTime(t);
  if (withZone && (withZone.precision === 'day' || /([Zz]|[+-]\d{2}(:?\d{2})?)$/.test(t)))
    return inRange(withZone);
  if (EXCEL.test(t)) {
    const serial = Number(t);
    if (serial < EXCEL_MIN || serial >= EXCEL_MAX) return outOfRange;
    const whole = Number.isInteger(serial);
    // Excel's serial 25569 is 1970-01-01; rounded to the second, as Excel shows it.
    const wall = Math.round((serial - EXCEL_MIN) * 86_400) * 1000;
    if (whole) return { ms: wall, precision: 'day', truncated: false };
    if (!rules.zone) return problemText('time-needs-zone', { text: t });
    return inRange({ ms: wallToUtc(wall, rules.zone), precision: 'second', truncated: false });
  }
  if (/^-?\d{9,}(\.\d+)?$/.test(t)) {
    const n = Number(t);
    // 1e11 seconds is the year 5138 but 1e11 milliseconds is 1973, so larger numbers are milliseconds.
    const epoch = fromEpochMs(Math.abs(n) >= 1e11 ? n : n * 1000);
    return epoch ? inRange(epoch) : outOfRange;
  }
  let parts: [number, number, number, string?, string?, string?, string?, string?] | undefined;
  const iso = ISO_LOCAL.exec(t);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5], iso[6], iso[7]];
  const sl = SLASHED.exec(t);
  if (sl) {
    const order = rules.dateOrder ?? detectDateOrder([t]);
    if (order !== 'mdy' && order !== 'dmy') return problemText('date-order-unknown', { text: t });
    const [a, b] = [Number(sl[1]), Number(sl[2])];
    const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    let hour = sl[4];
    if (sl[8] && hour !== undefined) {
      const h = Number(hour) % 12;
      hour = String(/p/i.test(sl[8]) ? h + 12 : h);
    }
    parts = [Number(sl[3]), mo, d, hour, sl[5], sl[6], sl[7], sl[8]];
  }
  if (!parts) return problemText('not-a-time', { text: t });
  const [y, mo, d, h, mi, s, fraction] = parts;
  const wall = wallTime(y, mo, d, h, mi, s);
  if (wall === undefined) return problemText('not-calendar-date', { text: t });
  const precision = precisionOf(h, s);
  const truncated = fraction !== undefined && /[1-9]/.test(fraction);
  if (precision === 'day') return inRange({ ms: wall, precision, truncated });
  if (!rules.zone) return problemText('time-needs-zone', { text: t });
  return inRange({ ms: wallToUtc(wall, rules.zone), precision, truncated });
}

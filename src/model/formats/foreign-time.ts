// Times as foreign timeline files write them, read into UTC epoch milliseconds with the precision the text has.
import type { ProblemText } from '../problem-codes';
import { PRECISIONS, type Precision } from '../time';

export interface ParsedTime {
  /** Epoch ms in UTC, cut down to the precision. */
  ms: number;
  precision: Precision;
  /** Sub-second digits were dropped; the original text is then kept in `extra`. */
  truncated: boolean;
}

/** Reads one cell as a time, or says what was expected instead: with a code, or as a message alone. */
export type TimeReader = (text: string) => ParsedTime | ProblemText | string;

const MIN_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59Z');

// Date and time, then an optional zone: Z, +hh:mm, +hhmm or +hh.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An ISO 8601 date (a whole UTC day) or date-time with Z or an offset, converted to UTC. The precision follows the
 * text: a date is a day, hh:mm a minute, hh:mm:ss a second. A time without a zone is refused: it could be any zone.
 */
export function readIsoTime(text: string): ParsedTime | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  if (h !== undefined && zone === undefined) return undefined;
  const wall = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}Z`;
  const wallMs = Date.parse(wall);
  // Date.parse rolls 31 June over to 1 July; a real calendar time survives the round trip unchanged.
  if (!Number.isFinite(wallMs) || new Date(wallMs).toISOString().slice(0, 19) !== wall.slice(0, 19))
    return undefined;
  const ms = wallMs - offsetMs(zone);
  if (!(ms >= MIN_MS && ms <= MAX_MS)) return undefined;
  const precision = h === undefined ? 'day' : s === undefined ? 'minute' : 'second';
  return { ms, precision, truncated: fraction !== undefined && /[1-9]/.test(fraction) };
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return NaN;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** A whole-second time from epoch milliseconds, keeping note of dropped milliseconds. */
export function fromEpochMs(ms: number): ParsedTime | undefined {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return undefined;
  const second = Math.floor(ms / 1000) * 1000;
  return { ms: second, precision: 'second', truncated: second !== ms };
}

/** The finer of two precisions (PRECISIONS runs from finest to coarsest). */
export const finer = (a: Precision, b: Precision) =>
  PRECISIONS.indexOf(a) <= PRECISIONS.indexOf(b) ? a : b;

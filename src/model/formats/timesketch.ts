// Timesketch timelines: export to Timesketch's CSV and JSONL import formats, and import either back as an incident.
import type { Incident, Problem, TimelineEvent } from '../incident';
import { problemText } from '../problem-codes';
import { capProblems } from '../problems';
import { localize } from '../text';
import { readCsv, writeCsv } from './csv-cells';
import { fromEpochMs, readIsoTime } from './foreign-time';
import {
  type Columns,
  type ImportResult,
  recordsToIncident,
  type SourceRecord,
} from './imported-events';
import { extraColumns, extraHeader } from './extra-columns';
import { eventLabels } from './labels';

export const TIMESKETCH_COLUMNS = [
  'message',
  'datetime',
  'timestamp',
  'timestamp_desc',
  'end',
  'precision',
  'phase',
  'system',
  'actor',
  'action',
  'technique',
  'outcome',
  'event_id',
] as const;

type TimesketchRow = Record<(typeof TIMESKETCH_COLUMNS)[number], string | number> &
  Record<string, string | number>;

// Events start on a whole second, so the milliseconds are always ".000".
const isoWithOffset = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function toRows(incident: Incident, events: TimelineEvent[], lang: string): TimesketchRow[] {
  const labels = eventLabels(incident, lang);
  return events.map((e) => {
    const l = labels(e);
    return {
      message: localize(e.title, lang),
      datetime: isoWithOffset(e.startMs),
      // Timesketch counts microseconds since the epoch.
      timestamp: e.startMs * 1000,
      timestamp_desc: 'Event Time',
      // Timesketch places an event at one time; these two are read back by this app.
      end: e.end ? isoWithOffset(Date.parse(e.end)) : '',
      precision: e.precision,
      phase: l.phase,
      system: l.systems.join('; '),
      actor: l.actor,
      action: l.action,
      technique: (e.techniques ?? []).join('; '),
      outcome: e.outcome,
      event_id: e.id,
      // Imported columns become Timesketch's own extra fields, which it searches and shows by name.
      ...Object.fromEntries(
        Object.entries(e.extra ?? {}).map(([k, v]) => [extraHeader(k, TIMESKETCH_COLUMNS), v]),
      ),
    };
  });
}

/** Timesketch CSV: one row per event, at its start time. */
export function exportTimesketchCsv(
  incident: Incident,
  events: TimelineEvent[],
  lang: string,
): string {
  const headers = [
    ...TIMESKETCH_COLUMNS,
    ...extraColumns(events).map((name) => extraHeader(name, TIMESKETCH_COLUMNS)),
  ];
  return writeCsv(
    headers,
    toRows(incident, events, lang).map((r) => headers.map((c) => r[c] ?? '')),
  );
}

/** Timesketch JSONL: one JSON object per line and event. */
export function exportTimesketchJsonl(
  incident: Incident,
  events: TimelineEvent[],
  lang: string,
): string {
  return toRows(incident, events, lang)
    .map((r) => `${JSON.stringify(r)}\n`)
    .join('');
}

/** True for a header with what Timesketch itself requires of a CSV. */
export function isTimesketchHeader(headers: string[]): boolean {
  const has = new Set(headers);
  return (
    has.has('message') && (has.has('datetime') || has.has('timestamp')) && has.has('timestamp_desc')
  );
}

const MICROSECONDS = /^-?\d+$/;

const COLUMNS: Columns = {
  start: [
    {
      column: 'datetime',
      read: (text) => readIsoTime(text) ?? problemText('timesketch-datetime', {}),
    },
    {
      column: 'timestamp',
      read: (text) => {
        if (!MICROSECONDS.test(text)) return problemText('timesketch-microseconds', {});
        // BigInt keeps every microsecond exact; a Number loses some past the year 2255.
        const us = BigInt(text);
        const seconds = us / 1_000_000n - (us % 1_000_000n < 0n ? 1n : 0n);
        const time = fromEpochMs(Number(seconds) * 1000);
        return time
          ? { ...time, truncated: us % 1_000_000n !== 0n }
          : problemText('time-years', {});
      },
    },
  ],
  end: {
    column: 'end',
    read: (text) => readIsoTime(text) ?? problemText('timesketch-datetime', {}),
  },
  precision: 'precision',
  title: 'message',
  id: 'event_id',
  phase: 'phase',
  actor: 'actor',
  action: 'action',
  system: 'system',
  technique: 'technique',
  outcome: 'outcome',
};

/** Imports a Timesketch CSV (message, and datetime or timestamp, required). */
export function importTimesketchCsv(text: string, fileName: string): ImportResult {
  const table = readCsv(text, fileName, ',');
  if (!table.ok) return table;
  const has = (column: string) => table.headers.includes(column);
  if (!has('message') || !(has('datetime') || has('timestamp'))) {
    const problem = problemText('timesketch-columns', { headers: table.headers });
    return { ok: false, problems: [{ path: `${fileName}: row 1`, ...problem }] };
  }
  const records = table.records.map((r) => ({ where: `row ${r.row}`, values: r.cells }));
  return recordsToIncident(records, COLUMNS, {
    fileName,
    formatLabel: 'Timesketch CSV',
    cellWord: 'column',
  });
}

/** Imports Timesketch JSONL: one JSON object per line; blank lines are skipped. */
export function importTimesketchJsonl(text: string, fileName: string): ImportResult {
  const records: SourceRecord[] = [];
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({
        path: `${fileName}: ${where}`,
        ...problemText('not-json', { detail: (error as Error).message }),
      });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({
        path: `${fileName}: ${where}`,
        ...problemText('jsonl-object', {}),
      });
      continue;
    }
    records.push({ where, values: stringValues(value as Record<string, unknown>) });
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems, fileName) };
  return recordsToIncident(records, COLUMNS, {
    fileName,
    formatLabel: 'Timesketch JSONL',
    cellWord: 'field',
  });
}

// `extra` holds strings only, so numbers and nested values are written out as JSON text; null counts as absent.
function stringValues(object: Record<string, unknown>): Record<string, string> {
  // No prototype: a field named "__proto__" is kept, and "constructor" is absent unless the line has it.
  const values: Record<string, string> = Object.create(null);
  for (const [key, v] of Object.entries(object)) {
    const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
    if (text.trim() !== '') values[key] = text;
  }
  return values;
}

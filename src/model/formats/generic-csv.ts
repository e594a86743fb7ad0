// Import of any CSV timeline, with a user-chosen mapping from its columns to event fields.
import { readCsv } from './csv-cells';
import { fromEpochMs, readIsoTime, type TimeReader } from './foreign-time';
import { type Columns, type ImportResult, recordsToIncident } from './imported-events';

/** Column names for each event field; `time` and `title` are required, anything unmapped goes to `extra`. */
export interface ColumnMapping {
  time: string;
  title: string;
  end?: string;
  description?: string;
  system?: string;
  actor?: string;
  action?: string;
  phase?: string;
  outcome?: string;
  technique?: string;
}

type Field = keyof ColumnMapping;

// Common column names, compared without case or punctuation ("@timestamp" and "Event Time" too), best first.
const NAMES: Record<Field, string[]> = {
  time: [
    'datetime',
    'timestamp',
    'time',
    'date',
    'eventtime',
    'starttime',
    'start',
    'timecreated',
    'utctime',
    'ts',
  ],
  end: ['end', 'endtime', 'enddate', 'stop', 'finish'],
  title: ['message', 'title', 'summary', 'event', 'eventname', 'name', 'msg'],
  description: ['description', 'details', 'detail', 'desc', 'notes', 'comment'],
  system: ['system', 'host', 'hostname', 'computer', 'computername', 'device', 'asset', 'source'],
  actor: ['actor', 'user', 'username', 'account', 'accountname', 'principal'],
  action: ['action', 'activity', 'operation', 'eventtype', 'eventaction'],
  phase: ['phase', 'stage', 'tactic', 'killchainphase'],
  outcome: ['outcome', 'result', 'status'],
  technique: ['technique', 'techniques', 'techniqueid', 'attack', 'mitre'],
};

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A first guess at the mapping from common column names; each column is used for one field at most. */
export function guessMapping(headers: string[]): Partial<ColumnMapping> {
  const byName = new Map<string, string>();
  for (const h of headers) if (!byName.has(normalize(h))) byName.set(normalize(h), h);
  const taken = new Set<string>();
  const mapping: Partial<ColumnMapping> = {};
  for (const field of Object.keys(NAMES) as Field[]) {
    const column = NAMES[field]
      .map((n) => byName.get(n))
      .find((h) => h !== undefined && !taken.has(h));
    if (column === undefined) continue;
    mapping[field] = column;
    taken.add(column);
  }
  return mapping;
}

const EPOCH = /^-?\d+(\.\d+)?$/;
// 1e11 seconds is the year 5138 but 1e11 milliseconds is 1973, so larger numbers are read as milliseconds.
const MS_THRESHOLD = 1e11;

/** ISO 8601 with Z or an offset (converted to UTC), a plain date, or epoch seconds or milliseconds. */
export const readGenericTime: TimeReader = (text) => {
  const expected =
    'expected an ISO 8601 time with Z or an offset (2023-11-22T14:18:22+01:00), a date, or epoch seconds or milliseconds';
  if (!EPOCH.test(text)) return readIsoTime(text) ?? expected;
  const n = Number(text);
  return (
    fromEpochMs(Math.abs(n) >= MS_THRESHOLD ? n : n * 1000) ??
    'expected a time between the years 0001 and 9999'
  );
};

/** Imports a CSV through a column mapping; problems name the row and column. */
export function importGenericCsv(
  text: string,
  fileName: string,
  mapping: ColumnMapping,
): ImportResult {
  const table = readCsv(text, fileName);
  if (!table.ok) return table;
  const problems = Object.entries(mapping)
    .filter(([, column]) => column !== undefined && !table.headers.includes(column))
    .map(([field, column]) => ({
      path: `${fileName}: row 1`,
      message: `no column "${column}" for ${field}; the header has ${table.headers.join(', ')}`,
    }));
  if (problems.length > 0) return { ok: false, problems };
  const { time, end, ...named } = mapping;
  const columns: Columns = {
    ...named,
    start: [{ column: time, read: readGenericTime }],
    end: end === undefined ? undefined : { column: end, read: readGenericTime },
  };
  const records = table.records.map((r) => ({ where: `row ${r.row}`, values: r.cells }));
  return recordsToIncident(records, columns, { fileName, formatLabel: 'CSV', cellWord: 'column' });
}

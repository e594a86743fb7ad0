// Import of any CSV timeline, with a user-chosen mapping from its columns to event fields.
import type { Actor, EventFile, Problem } from '../incident';
import { problemText } from '../problem-codes';
import { readCsv, type CsvRecord } from './csv-cells';
import type { TimeReader } from './foreign-time';
import { type Columns, type ImportResult, recordsToIncident } from './imported-events';
import {
  type DateOrder,
  detectDateOrder,
  parseZone,
  readSpreadsheetTime,
  timeShape,
  type TimeRules,
  zoneFromHeader,
} from './spreadsheet-time';

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

/** A column mapping and the answers to what the columns leave open: zone, date order, sides and terms. */
export interface ImportChoices extends ColumnMapping {
  /** Zone of times written without one, as typed: "UTC", "+08:00", "Europe/Berlin"; else from the header. */
  zone?: string;
  /** Month or day first in slashed dates; else decided by the data where it can be. */
  dateOrder?: DateOrder;
  actorKinds?: Record<string, Actor['kind']>;
  phaseTerms?: Record<string, string>;
  actionTerms?: Record<string, string>;
  outcomeTerms?: Record<string, EventFile['outcome']>;
  groupSameTime?: boolean;
}

/** The mapped fields, without the answers: what guessMapping and the mapping step's selects deal in. */
export const MAPPED_FIELDS = [
  'time',
  'title',
  'end',
  'description',
  'system',
  'actor',
  'action',
  'phase',
  'outcome',
  'technique',
] as const satisfies readonly (keyof ColumnMapping)[];

type Field = (typeof MAPPED_FIELDS)[number];

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
  system: [
    'system',
    'systems',
    'host',
    'hostname',
    'computer',
    'computername',
    'device',
    'asset',
    'source',
  ],
  actor: ['actor', 'user', 'username', 'account', 'accountname', 'principal'],
  action: ['action', 'activity', 'operation', 'eventtype', 'eventaction'],
  phase: ['phase', 'stage', 'tactic', 'killchainphase'],
  outcome: ['outcome', 'result', 'status'],
  technique: ['technique', 'techniques', 'techniqueid', 'attack', 'mitre'],
};

// A zone in the name ("Timestamp (UTC)") says how to read the times, not what the column is.
const normalize = (name: string) =>
  name
    .replace(/\([^)]*\)|\[[^\]]*\]|\b(utc|gmt|local)\b/gi, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A first guess at the mapping from common column names; each column is used for one field at most. */
export function guessMapping(headers: string[]): Partial<ColumnMapping> {
  const byName = new Map<string, string>();
  for (const h of headers) if (!byName.has(normalize(h))) byName.set(normalize(h), h);
  const taken = new Set<string>();
  const mapping: Partial<ColumnMapping> = {};
  for (const field of MAPPED_FIELDS) {
    const column = NAMES[field]
      .map((n) => byName.get(n))
      .find((h) => h !== undefined && !taken.has(h));
    if (column === undefined) continue;
    mapping[field] = column;
    taken.add(column);
  }
  return mapping;
}

/** A time column written in more than one way is named, with a row of each way, rather than half misread. */
function mixedShapes(fileName: string, column: string, records: CsvRecord[]): Problem | undefined {
  const firstRow = new Map<string, number>();
  for (const r of records) {
    const cell = r.cells[column];
    if (cell === undefined) continue;
    const shape = timeShape(cell);
    // Epoch numbers are machine times, unambiguous beside any written date.
    if (shape !== 'other' && shape !== 'epoch' && !firstRow.has(shape)) firstRow.set(shape, r.row);
  }
  if (firstRow.size < 2) return undefined;
  return {
    path: `${fileName}: column ${column}`,
    ...problemText('mixed-time-formats', {
      shapes: [...firstRow.keys()],
      rows: [...firstRow.values()],
    }),
  };
}

/** How a time column is read: its zone from the choice or the header, its date order from the choice or the data. */
function timeReader(
  fileName: string,
  column: string,
  records: CsvRecord[],
  choices: ImportChoices,
  problems: Problem[],
): TimeReader {
  const zone = choices.zone ? parseZone(choices.zone) : zoneFromHeader(column);
  if (choices.zone && !zone)
    problems.push({
      path: `${fileName}: time zone`,
      ...problemText('not-a-zone', { zone: choices.zone }),
    });
  const detected = detectDateOrder(records.map((r) => r.cells[column] ?? ''));
  if (!choices.dateOrder && detected === 'conflicting')
    problems.push({
      path: `${fileName}: column ${column}`,
      ...problemText('date-order-conflict', {}),
    });
  const mixed = mixedShapes(fileName, column, records);
  if (mixed) problems.push(mixed);
  const rules: TimeRules = {
    zone,
    dateOrder:
      choices.dateOrder ?? (detected === 'mdy' || detected === 'dmy' ? detected : undefined),
  };
  return (text) => readSpreadsheetTime(text, rules);
}

/** Imports a CSV through a column mapping and the user's answers; problems name the rows and columns. */
export function importGenericCsv(
  text: string,
  fileName: string,
  choices: ImportChoices,
): ImportResult {
  const table = readCsv(text, fileName);
  if (!table.ok) return table;
  const problems: Problem[] = MAPPED_FIELDS.flatMap((field) => {
    const column = choices[field];
    return column !== undefined && !table.headers.includes(column)
      ? [
          {
            path: `${fileName}: row 1`,
            ...problemText('no-column-for', { column, field, headers: table.headers }),
          },
        ]
      : [];
  });
  if (problems.length > 0) return { ok: false, problems };
  // The zone and date order are in the readers; everything else goes to the records' reading as it is.
  const { time, end, ...named } = choices;
  const start = timeReader(fileName, time, table.records, choices, problems);
  const endRead = end && timeReader(fileName, end, table.records, choices, problems);
  if (problems.length > 0) return { ok: false, problems };
  const columns: Columns = {
    ...named,
    start: [{ column: time, read: start }],
    end: end === undefined || !endRead ? undefined : { column: end, read: endRead },
  };
  const records = table.records.map((r) => ({ where: `row ${r.row}`, values: r.cells }));
  return recordsToIncident(records, columns, { fileName, formatLabel: 'CSV', cellWord: 'column' });
}

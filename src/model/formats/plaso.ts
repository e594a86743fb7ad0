// Plaso's CSV output (psort l2tcsv and dynamic) and Velociraptor- or KAPE-style CSVs, read without a mapping step.
import { problemText } from '../problem-codes';
import { readCsv, readCsvHeaders } from './csv-cells';
import { readIsoTime, type TimeReader } from './foreign-time';
import { guessMapping } from './generic-csv';
import { type Columns, type ImportResult, recordsToIncident } from './imported-events';
import { parseZone, readSpreadsheetTime } from './spreadsheet-time';

/** psort's l2tcsv: 17 fixed columns, the date as MM/DD/YYYY and the time and zone in columns of their own. */
export const L2TCSV_COLUMNS = [
  'date',
  'time',
  'timezone',
  'MACB',
  'source',
  'sourcetype',
  'type',
  'user',
  'host',
  'short',
  'desc',
  'version',
  'filename',
  'inode',
  'notes',
  'format',
  'extra',
] as const;

/** psort's default "dynamic" output fields. */
export const DYNAMIC_COLUMNS = [
  'datetime',
  'timestamp_desc',
  'source',
  'source_long',
  'message',
  'parser',
  'display_name',
  'tag',
] as const;

export const isL2tcsvHeader = (headers: string[]) =>
  L2TCSV_COLUMNS.every((c, i) => headers[i] === c);

export const isPlasoDynamicHeader = (headers: string[]) =>
  ['datetime', 'timestamp_desc', 'source_long', 'message', 'parser'].every((c) =>
    headers.includes(c),
  );

// Columns that only forensic collectors write: Velociraptor's _Source, KAPE's SourceFile, event log fields.
const FORENSIC =
  /^(_source|_ts|sourcefile|channel|eventid|eventrecordid|provider|fqdn|clientid|flowid)$/i;

/** A CSV from a forensic collector whose time column holds ISO 8601 times with a zone, and a message column. */
export function isForensicCsv(headers: string[], firstRow: Record<string, string> | undefined) {
  const guess = guessMapping(headers);
  if (!headers.some((h) => FORENSIC.test(h)) || !guess.time || !guess.title) return false;
  const cell = firstRow?.[guess.time]?.trim() ?? '';
  return /([Zz]|[+-]\d{2}:?\d{2})$/.test(cell) && readIsoTime(cell) !== undefined;
}

// Plaso writes "-" where a field has no value.
const absent = (v: string | undefined) => v === undefined || v.trim() === '-' || v.trim() === '';

const readOffsetTime: TimeReader = (text) => readIsoTime(text) ?? problemText('offset-time', {});

function importTable(
  text: string,
  fileName: string,
  formatLabel: string,
  columns: Columns,
  prepare: (cells: Record<string, string>) => Record<string, string>,
): ImportResult {
  const table = readCsv(text, fileName);
  if (!table.ok) return table;
  const records = table.records.map((r) => {
    const values: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(prepare(r.cells))) if (!absent(v)) values[k] = v;
    return { where: `row ${r.row}`, values };
  });
  return recordsToIncident(records, columns, { fileName, formatLabel, cellWord: 'column' });
}

/** An l2tcsv file: date, time and zone read together, `short` as the title, `desc` as the description. */
export function importL2tcsv(text: string, fileName: string, groupSameTime = false): ImportResult {
  const readL2tTime: TimeReader = (cell) => {
    const [when, zone] = cell.split('\t') as [string, string];
    const parsed = parseZone(zone ?? 'UTC');
    if (!parsed) return problemText('l2t-zone', { zone });
    return readSpreadsheetTime(when, { zone: parsed, dateOrder: 'mdy' });
  };
  return importTable(
    text,
    fileName,
    'Plaso l2tcsv',
    {
      start: [{ column: 'date', read: readL2tTime }],
      title: 'short',
      description: 'desc',
      system: 'host',
      actor: 'user',
      action: 'type',
      groupSameTime,
    },
    ({ date, time, timezone, ...rest }) => ({
      ...rest,
      // The three time columns read as one cell, kept under "date" for messages that name the column.
      ...(date !== undefined && {
        date: `${date} ${time ?? ''}`.trim() + `\t${timezone ?? 'UTC'}`,
      }),
    }),
  );
}

/** A psort dynamic CSV: `datetime` with its offset, `message` as the title, `timestamp_desc` as the action. */
export function importPlasoDynamic(
  text: string,
  fileName: string,
  groupSameTime = false,
): ImportResult {
  const headers = readCsvHeaders(text);
  const has = (c: string) => headers.includes(c);
  return importTable(
    text,
    fileName,
    'Plaso dynamic CSV',
    {
      start: [{ column: 'datetime', read: readOffsetTime }],
      title: 'message',
      action: 'timestamp_desc',
      // Optional fields psort adds with --fields; the image name stands in for the host otherwise.
      system: has('hostname') ? 'hostname' : 'display_name',
      ...(has('username') && { actor: 'username' }),
      groupSameTime,
    },
    (cells) => cells,
  );
}

/** A Velociraptor or KAPE CSV: its columns mapped from their names, its times read with their own zones. */
export function importForensicCsv(
  text: string,
  fileName: string,
  groupSameTime = false,
): ImportResult {
  const table = readCsv(text, fileName);
  if (!table.ok) return table;
  const { time, end, ...named } = guessMapping(table.headers);
  return importTable(
    text,
    fileName,
    'forensic CSV',
    {
      ...named,
      title: named.title!,
      start: [{ column: time!, read: readOffsetTime }],
      ...(end && { end: { column: end, read: readOffsetTime } }),
      groupSameTime,
    },
    (cells) => cells,
  );
}

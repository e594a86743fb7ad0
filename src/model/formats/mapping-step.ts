// What the mapping step shows of a CSV: its columns, first rows, distinct values, and a preview of the import.
import type { Actor } from '../incident';
import { problemText, type ProblemText } from '../problem-codes';
import { type Precision, utcStamp } from '../time';
import { readCsv } from './csv-cells';
import { guessMapping, type ImportChoices } from './generic-csv';
import { guessActorKind } from './import-guesses';
import { splitList } from './imported-events';
import {
  type DateOrder,
  detectDateOrder,
  parseZone,
  readSpreadsheetTime,
  zoneFromHeader,
  zoneText,
} from './spreadsheet-time';

/** Rows the preview shows. */
export const SAMPLE_ROWS = 8;
/** Distinct values listed per column; a column with more is not one to choose terms for. */
export const MAX_DISTINCT = 40;

export interface ColumnsToMap {
  headers: string[];
  guess: Partial<ImportChoices>;
  /** The first records with their spreadsheet row numbers. */
  sample: { row: number; cells: Record<string, string> }[];
  /** Each column's distinct values in order of first appearance, up to MAX_DISTINCT. */
  distinct: Record<string, string[]>;
  /** Columns with more distinct values than MAX_DISTINCT. */
  many: string[];
  /** How the whole file settles each column's slashed dates. */
  dateOrders: Record<string, DateOrder | 'ambiguous' | 'conflicting'>;
}

/** A record's own value for a key: a column or value named "constructor" or "toString" finds nothing inherited. */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Reads a CSV once for the mapping step. */
export function readColumnsToMap(text: string, fileName: string): ColumnsToMap | undefined {
  const table = readCsv(text, fileName);
  // A file that does not parse, or has no rows, has nothing to map: the import says what is wrong.
  if (!table.ok || table.records.length === 0) return undefined;
  const { headers, records } = table;
  const seen = headers.map(() => new Set<string>());
  const many = new Set<string>();
  headers.forEach((h, i) => {
    for (const r of records) {
      const v = r.cells[h];
      if (v === undefined) continue;
      if (seen[i]!.size >= MAX_DISTINCT && !seen[i]!.has(v)) {
        many.add(h);
        break;
      }
      seen[i]!.add(v);
    }
  });
  // No prototype, so a column named "__proto__" is kept like any other.
  const dateOrders: ColumnsToMap['dateOrders'] = Object.create(null);
  for (const h of headers) {
    const order = detectDateOrder(records.map((r) => r.cells[h] ?? ''));
    if (
      order !== 'ambiguous' ||
      records.some((r) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(r.cells[h] ?? ''))
    )
      dateOrders[h] = order;
  }
  return {
    headers,
    guess: guessMapping(headers),
    sample: records.slice(0, SAMPLE_ROWS).map((r) => ({ row: r.row, cells: { ...r.cells } })),
    distinct: Object.fromEntries(headers.map((h, i) => [h, [...seen[i]!]])),
    many: [...many],
    dateOrders,
  };
}

/** What the mapping step still has to ask about the times: the zone, the date order, or nothing. */
export function timeQuestions(columns: ColumnsToMap, choices: Partial<ImportChoices>) {
  const time = choices.time;
  const headerZone = time === undefined ? undefined : zoneFromHeader(time);
  const order = time === undefined ? undefined : own(columns.dateOrders, time);
  return {
    /** The zone the header names, shown as the default. */
    headerZone: headerZone && zoneText(headerZone),
    /** True when the column has slashed dates the data cannot order. */
    askOrder: order === 'ambiguous' || order === 'conflicting',
    detectedOrder: order === 'mdy' || order === 'dmy' ? order : undefined,
  };
}

export interface PreviewRow {
  row: number;
  /** The UTC time at its precision, or what is wrong with the cell. */
  time: { ok: true; text: string; precision: Precision } | ({ ok: false } & ProblemText);
  title: string;
  lane: string;
  side: Actor['kind'] | undefined;
}

/** The sample rows as the mapping would import them. */
export function previewRows(columns: ColumnsToMap, choices: Partial<ImportChoices>): PreviewRow[] {
  const q = timeQuestions(columns, choices);
  const zone = choices.zone
    ? parseZone(choices.zone)
    : q.headerZone
      ? parseZone(q.headerZone)
      : undefined;
  const rules = { zone, dateOrder: choices.dateOrder ?? q.detectedOrder };
  return columns.sample.map(({ row, cells }) => {
    // The sample may have crossed from the worker, which gives its cells a prototype again.
    const cell = (column: string | undefined) =>
      column === undefined ? undefined : own(cells, column);
    const time = cell(choices.time);
    const read =
      time === undefined
        ? problemText('time-required', { others: [] })
        : readSpreadsheetTime(time, rules);
    const actor = cell(choices.actor)?.trim();
    return {
      row,
      time:
        'message' in read
          ? { ok: false, ...read }
          : { ok: true, text: utcStamp(read.ms, read.precision), precision: read.precision },
      title: cell(choices.title) ?? '',
      lane: splitList(cell(choices.system)).join(', '),
      side: actor ? (own(choices.actorKinds, actor) ?? guessActorKind(actor)) : undefined,
    };
  });
}

// CSV reading and writing shared by the CSV formats: RFC 4180 through papaparse, with a reversible formula guard.
import Papa from 'papaparse';
import type { Problem } from '../incident';
import { problemText } from '../problem-codes';
import { capProblems } from '../problems';

// Spreadsheets run a cell that starts with = + - @ tab or CR as a formula, so an exported title could execute code.
// Leading quotes count too, so reading can strip exactly one quote and always get the original text back.
const FORMULA = /^'*[=+\-@\t\r]/;

/** RFC 4180 CSV with CRLF line ends; text cells that a spreadsheet would run as a formula get a leading `'`. */
export function writeCsv(fields: readonly string[], rows: (string | number)[][]): string {
  // Papa's own `escapeFormulae: true` misses a cell like "=1\n2" (its pattern needs the formula on one line).
  return Papa.unparse(
    { fields: [...fields], data: rows },
    { escapeFormulae: FORMULA, newline: '\r\n' },
  );
}

/** Undoes writeCsv's formula guard on one cell. */
function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell;
}

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Non-empty cells by column name. */
  cells: Record<string, string>;
}

export type CsvTable =
  { ok: true; headers: string[]; records: CsvRecord[] } | { ok: false; problems: Problem[] };

const DELIMITERS = [',', ';', '\t', '|'];

function parse(text: string, options: { preview?: number; delimiter?: string }) {
  return Papa.parse<string[]>(text, { ...options, delimitersToGuess: DELIMITERS });
}

/** Column names of the first row, without reading the rest of the file. */
export function readCsvHeaders(text: string): string[] {
  return headerNames(parse(text, { preview: 1 }).data[0] ?? []);
}

/** The first data row by column name, without reading the rest of the file. */
export function readCsvFirstRecord(text: string): Record<string, string> | undefined {
  const [header, row] = parse(text, { preview: 2 }).data;
  if (!header || !row) return undefined;
  const names = headerNames(header);
  return Object.fromEntries(names.map((h, i) => [h, row[i] ?? '']));
}

// A blank header cell still needs a name to be kept under in `extra`.
const headerNames = (row: string[]) => row.map((h, i) => h.trim() || `column ${i + 1}`);

/** Parses a whole CSV with a header row; the delimiter is guessed unless given. Problems name the file and the row. */
export function readCsv(text: string, fileName: string, delimiter?: string): CsvTable {
  const parsed = parse(text, { delimiter });
  const problems: Problem[] = parsed.errors
    // A one-column file has no delimiter to find; papaparse then reads it as comma-separated, which is right.
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      path: `${fileName}: row ${(e.row ?? 0) + 1}`,
      ...problemText('csv-syntax', { detail: e.message }),
    }));
  const [first, ...rest] = parsed.data;
  if (!first || first.every((c) => c.trim() === ''))
    return {
      ok: false,
      problems: [{ path: `${fileName}: row 1`, ...problemText('csv-no-header', {}) }],
    };
  const headers = headerNames(first);
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h))
      problems.push({
        path: `${fileName}: row 1`,
        ...problemText('column-twice', { column: h }),
      });
    seen.add(h);
  }
  const records: CsvRecord[] = [];
  rest.forEach((cells, i) => {
    const row = i + 2;
    if (cells.slice(headers.length).some((c) => c.trim() !== ''))
      problems.push({
        path: `${fileName}: row ${row}`,
        ...problemText('cells-beyond-header', { cells: cells.length, columns: headers.length }),
      });
    // No prototype: a column named "__proto__" is kept, and "constructor" is absent unless the row has it.
    const record: Record<string, string> = Object.create(null);
    headers.forEach((h, k) => {
      const cell = unguardCell(cells[k] ?? '');
      if (cell.trim() !== '') record[h] = cell;
    });
    if (Object.keys(record).length > 0) records.push({ row, cells: record });
  });
  return problems.length > 0
    ? { ok: false, problems: capProblems(problems, fileName) }
    : { ok: true, headers, records };
}

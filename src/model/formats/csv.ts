// Spreadsheet CSV export: one row per event, its text in the chosen language, RFC 4180 quoting; and its import.
import type { Incident, TimelineEvent } from '../incident';
import { problemText } from '../problem-codes';
import { localize } from '../text';
import { readCsv, writeCsv } from './csv-cells';
import { extraColumns, extraHeader, extraValue } from './extra-columns';
import { readIsoTime } from './foreign-time';
import { type Columns, type ImportResult, recordsToIncident } from './imported-events';
import { eventLabels } from './labels';

export const CSV_COLUMNS = [
  'id',
  'start',
  'end',
  'precision',
  'title',
  'description',
  'phase',
  'actor',
  'action',
  'systems',
  'outcome',
  'techniques',
  'inferred',
  'source locator',
] as const;

/** Lists inside a cell (systems, techniques, citations) are joined with "; "; imported columns follow. */
export function exportCsv(incident: Incident, events: TimelineEvent[], lang: string): string {
  const labels = eventLabels(incident, lang);
  const extra = extraColumns(events);
  const sources = new Map(incident.sources.map((s) => [s.id, localize(s.title, lang)]));
  const rows = events.map((e) => {
    const l = labels(e);
    return [
      e.id,
      e.start,
      e.end ?? '',
      e.precision,
      localize(e.title, lang),
      localize(e.description, lang),
      l.phase,
      l.actor,
      l.action,
      l.systems.join('; '),
      e.outcome,
      (e.techniques ?? []).join('; '),
      // The reason the time is inferred; empty when the source states it.
      localize(e.inferred?.reason, lang),
      e.citations
        .map((c) => `${sources.get(c.source) ?? c.source}: ${localize(c.locator, lang)}`)
        .join('; '),
      ...extra.map((name) => extraValue(e, name)),
    ];
  });
  const headers = [...CSV_COLUMNS, ...extra.map((name) => extraHeader(name, CSV_COLUMNS))];
  // Excel reads a CSV without a byte-order mark in the local code page, which garbles non-ASCII text.
  return `\uFEFF${writeCsv(headers, rows)}`;
}

/** Whether a CSV's header is this export's: its columns first, in order (imported columns may follow). */
export const isAppCsvHeader = (headers: string[]): boolean =>
  CSV_COLUMNS.every((c, i) => headers[i] === c);

const readTime = (text: string) => readIsoTime(text) ?? problemText('utc-time', {});

const APP_CSV: Columns = {
  start: [{ column: 'start', read: readTime }],
  end: { column: 'end', read: readTime },
  precision: 'precision',
  title: 'title',
  description: 'description',
  id: 'id',
  phase: 'phase',
  actor: 'actor',
  action: 'action',
  system: 'systems',
  technique: 'techniques',
  outcome: 'outcome',
};

/**
 * Reads this export back without a mapping step: ids, times with their precision, ends, texts, terms by their
 * labels, systems and techniques. The reason a time is inferred and the citation stay as columns of their own, and
 * actors' sides are guessed from their names, as for any imported file.
 */
export function importAppCsv(text: string, fileName: string): ImportResult {
  // The delimiter as found: a spreadsheet may have saved the file again with semicolons.
  const table = readCsv(text, fileName);
  if (!table.ok) return table;
  const records = table.records.map((r) => ({ where: `row ${r.row}`, values: r.cells }));
  return recordsToIncident(records, APP_CSV, {
    fileName,
    formatLabel: 'Incident Timeline CSV',
    cellWord: 'column',
  });
}

// Spreadsheet CSV export: one row per event, its text in the chosen language, RFC 4180 quoting.
import type { Incident, TimelineEvent } from '../incident';
import { localize } from '../text';
import { writeCsv } from './csv-cells';
import { extraColumns, extraHeader, extraValue } from './extra-columns';
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

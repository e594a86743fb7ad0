// Markdown table export, to paste the timeline into a postmortem document.
import type { Incident, TimelineEvent } from '../incident';
import { localize } from '../text';
import { utcStamp } from '../time';
import { extraColumns, extraHeader, extraValue } from './extra-columns';
import { eventLabels } from './labels';

// Every ASCII punctuation character CommonMark lets a backslash escape, so no link, image, emphasis, entity, HTML or
// table syntax can start in data; the backslash itself is in the set, so an added escape is never escaped again.
const PUNCTUATION = /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g;

/**
 * Text that renders as itself. Escaping ":", "." and "@" also stops GFM autolinks (https://, www., e-mail):
 * they match only unescaped text, and unlike a zero-width break the escape leaves the rendered and copied text
 * exactly as written.
 */
const inline = (text: string) => text.replace(PUNCTUATION, (c) => `\\${c}`);

/** Text safe inside a GFM table cell: punctuation (pipes too) escaped, line breaks as <br>. */
export function markdownCell(text: string): string {
  return inline(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** The table's own words in the export's language, from the app's catalog: it is read by people, not programs. */
export interface TableWords {
  heading: (title: string) => string;
  columns: Record<'time' | 'title' | 'phase' | 'actor' | 'systems' | 'outcome', string>;
  outcomes: Record<string, string>;
}

/** A heading naming the incident, then one table row per event; times are UTC at the event's precision. */
export function exportMarkdown(
  incident: Incident,
  events: TimelineEvent[],
  lang: string,
  words: TableWords,
): string {
  const labels = eventLabels(incident, lang);
  const extra = extraColumns(events);
  const title = localize(incident.title, lang).replace(/\s*[\r\n]+\s*/g, ' ');
  const { time, title: event, phase, actor, systems, outcome } = words.columns;
  const headers = [time, event, phase, actor, systems, outcome];
  const rows = events.map((e) => {
    const l = labels(e);
    const time =
      utcStamp(e.startMs, e.precision) +
      (e.end ? ` – ${utcStamp(Date.parse(e.end), e.precision)}` : '');
    const cells = [
      time,
      localize(e.title, lang),
      l.phase,
      l.actor,
      l.systems.join(', '),
      words.outcomes[e.outcome] ?? e.outcome,
      ...extra.map((name) => extraValue(e, name)),
    ];
    return `| ${cells.map(markdownCell).join(' | ')} |`;
  });
  return [
    // The catalog's words are the app's own; only what comes from the data is escaped.
    `## ${words.heading(inline(title))}`,
    '',
    `| ${[...headers, ...extra.map((name) => markdownCell(extraHeader(name, headers)))].join(' | ')} |`,
    `|${' --- |'.repeat(headers.length + extra.length)}`,
    ...rows,
    '',
  ].join('\n');
}

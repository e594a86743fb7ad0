// Markdown table export, to paste the timeline into a postmortem document.
import type { Incident, TimelineEvent } from '../incident';
import { localize } from '../text';
import { utcStamp } from '../time';
import { eventLabels } from './labels';

// Backslashes first, so an escape added here is never escaped again; < and > so text never becomes HTML.
const inline = (text: string) => text.replace(/[\\<>]/g, (c) => `\\${c}`);

/** Text safe inside a GFM table cell: pipes escaped, line breaks as <br>. */
export function markdownCell(text: string): string {
  return inline(text)
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A heading naming the incident, then one table row per event; times are UTC at the event's precision. */
export function exportMarkdown(incident: Incident, events: TimelineEvent[], lang: string): string {
  const labels = eventLabels(incident, lang);
  const title = inline(localize(incident.title, lang)).replace(/\s*[\r\n]+\s*/g, ' ');
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
      e.outcome,
    ];
    return `| ${cells.map(markdownCell).join(' | ')} |`;
  });
  return [
    `## ${title}: timeline (All times UTC)`,
    '',
    '| Time (UTC) | Event | Phase | Actor | Systems | Outcome |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

// The app's own incident file, cut down to the given events and still valid against the schema.
import type { EventFile, Incident, IncidentFile, TimelineEvent } from '../incident';

function toFileEvent(event: TimelineEvent, kept: Set<string>): EventFile {
  const file: EventFile & Partial<Pick<TimelineEvent, 'startMs' | 'endMs'>> = { ...event };
  delete file.startMs;
  delete file.endMs;
  const related = event.related?.filter((r) => kept.has(r.event));
  if (related?.length) file.related = related;
  else delete file.related;
  return file;
}

/**
 * An incident file's text as the app saves it, without a relative `$schema`: the bundled file's is a path in this
 * repository, wrong wherever the saved file goes; an absolute one (a deployment's schema) is kept.
 */
export function incidentFileText(file: IncidentFile): string {
  const { $schema, ...rest } = file;
  const absolute = $schema !== undefined && URL.canParse($schema);
  return `${JSON.stringify(absolute ? file : rest, null, 2)}\n`;
}

/**
 * The incident with only `events`: links to events left out are dropped, and so are indicators whose every
 * event was left out; taxonomies, sources and techniques stay whole. Every language is kept, so `_lang` is unused.
 */
export function exportAppJson(incident: Incident, events: TimelineEvent[], _lang: string): string {
  const kept = new Set(events.map((e) => e.id));
  const file: IncidentFile = { ...incident, events: events.map((e) => toFileEvent(e, kept)) };
  if (incident.indicators) {
    file.indicators = incident.indicators
      .filter((ind) => !ind.events?.length || ind.events.some((id) => kept.has(id)))
      .map((ind) => {
        if (ind.events === undefined) return ind;
        return { ...ind, events: ind.events.filter((id) => kept.has(id)) };
      });
  }
  return incidentFileText(file);
}

// Every human-readable field of an incident, each with its path in the file, for checks that read all its text.
import type { Incident, LocalizedText } from './incident';

export interface TextField {
  /** Where the field is, naming list items by id: `events[id=sliver-installed].description`. */
  path: string;
  text: LocalizedText;
}

/** Called once per field; `path` builds the field's path only when asked, since most fields never need it. */
export type TextVisitor = (text: LocalizedText, path: () => string) => void;

/** Visits titles, descriptions, labels, notes, locators, reasons, prompts, injects, names and imported fields. */
export function visitTextFields(incident: Incident, visit: TextVisitor): void {
  visitIncidentTextFields(incident, visit, 'before');
  for (const e of incident.events) visitEventTextFields(e, visit);
  visitIncidentTextFields(incident, visit, 'after');
}

const fieldVisitor =
  (visit: TextVisitor) => (text: LocalizedText | undefined, path: () => string) => {
    if (text !== undefined) visit(text, path);
  };

/** The incident's own text fields, those before its events in file order or those after them. */
export function visitIncidentTextFields(
  incident: Incident,
  visit: TextVisitor,
  where: 'before' | 'after',
): void {
  const field = fieldVisitor(visit);
  if (where === 'after') {
    for (const ind of incident.indicators ?? []) {
      const at = () => `indicators[id=${ind.id}]`;
      field(ind.description, () => `${at()}.description`);
      field(ind.owner, () => `${at()}.owner`);
      field(ind.location, () => `${at()}.location`);
      ind.citations.forEach((c, i) => field(c.locator, () => `${at()}.citations[${i}].locator`));
    }
    return;
  }
  field(incident.title, () => 'title');
  field(incident.summary, () => 'summary');
  for (const s of incident.sources) {
    field(s.title, () => `sources[id=${s.id}].title`);
    field(s.publisher, () => `sources[id=${s.id}].publisher`);
    field(s.note, () => `sources[id=${s.id}].note`);
  }
  const terms = {
    phases: incident.phases,
    systems: incident.systems,
    actors: incident.actors,
    actions: incident.actions,
  };
  for (const [list, items] of Object.entries(terms))
    for (const t of items) {
      field(t.label, () => `${list}[id=${t.id}].label`);
      field(t.description, () => `${list}[id=${t.id}].description`);
    }
  for (const p of incident.phases)
    p.prompts?.forEach((q, i) => field(q, () => `phases[id=${p.id}].prompts[${i}]`));
  for (const t of incident.techniques ?? []) field(t.name, () => `techniques[id=${t.id}].name`);
}

/** One event's text fields. */
export function visitEventTextFields(e: Incident['events'][number], visit: TextVisitor): void {
  const field = fieldVisitor(visit);
  const at = () => `events[id=${e.id}]`;
  field(e.title, () => `${at()}.title`);
  field(e.description, () => `${at()}.description`);
  e.citations.forEach((c, i) => field(c.locator, () => `${at()}.citations[${i}].locator`));
  field(e.inferred?.reason, () => `${at()}.inferred.reason`);
  e.prompts?.forEach((q, i) => field(q, () => `${at()}.prompts[${i}]`));
  field(e.inject?.question, () => `${at()}.inject.question`);
  if (e.extra) for (const k in e.extra) field(e.extra[k], () => `${at()}.extra.${k}`);
}

/** Every text field with its path, in file order. */
export function textFields(incident: Incident): TextField[] {
  const out: TextField[] = [];
  visitTextFields(incident, (text, path) => out.push({ path: path(), text }));
  return out;
}

/** Each language version of a text on its own, the language added to the path: `title.zh-Hant`. */
export function textVersions(fields: Iterable<TextField>): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const { path, text } of fields) {
    if (typeof text === 'string') out.push({ path, text });
    else
      for (const [lang, t] of Object.entries(text)) out.push({ path: `${path}.${lang}`, text: t });
  }
  return out;
}

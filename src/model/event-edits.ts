// Editing an event's texts per language, techniques, citations and links: pure operations on a draft.
import { cycleClosedBy, findCausalCycle } from './causal-links';
import { setText, type DraftDoc } from './draft';
import {
  IncidentObject,
  problemOfIssue,
  type EventFile,
  type IncidentFile,
  type LocalizedText,
  type Problem,
  type RelationKind,
} from './incident';
import {
  findEvent,
  idsRepeat,
  isLink,
  isLinkedTo,
  notLinks,
  ownLinks,
  positionOfId,
  type Link,
} from './event-lookup';
import { listChange, onlyReplaced, type ListChange } from './list-diff';
import { latestOf } from './memo';
import { localize } from './text';

/** The languages an event's texts are written in: the UI's first, then the file's, then English and Chinese. */
export function textLanguages(file: IncidentFile, ui: string): string[] {
  return [...new Set([ui, ...file.languages, 'en', 'zh-Hant'])];
}

/** The text in exactly `lang`; a plain string counts as English, as `setText` writes it. */
export function textIn(text: LocalizedText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return lang === 'en' ? text : '';
  return text[lang] ?? '';
}

/** A language's name in the UI language ("Traditional Chinese", "英文"), or its tag when the browser has none. */
export function languageName(tag: string, ui: string): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function languagesOf(text: LocalizedText | undefined): string[] {
  return text === undefined ? [] : typeof text === 'string' ? ['en'] : Object.keys(text);
}

/** Every language an event's texts are written in. */
function eventLanguages(e: EventFile): string[] {
  return [
    e.title,
    e.description,
    e.presentText,
    e.inferred?.reason,
    e.inject?.question,
    ...(e.prompts ?? []),
    ...e.citations.map((c) => c.locator),
  ].flatMap(languagesOf);
}

/** The file declaring every language the event is written in: a text in a new language adds it, after the others. */
export function declareEventLanguages(doc: DraftDoc, id: string): DraftDoc {
  const event = findEvent(doc.file.events, id);
  if (!event) return doc;
  const known = new Set(doc.file.languages);
  const added = [...new Set(eventLanguages(event))].filter((l) => !known.has(l));
  return added.length === 0
    ? doc
    : { ...doc, file: { ...doc.file, languages: [...doc.file.languages, ...added] } };
}

/**
 * Prompts with the lines of one language written in: line k is prompt k in `lang`. A prompt still written in another
 * language stays; one left with no text at all past the last line is dropped. Undefined when none is left.
 */
export function setPromptsIn(
  prompts: readonly LocalizedText[] | undefined,
  lang: string,
  lines: readonly string[],
): LocalizedText[] | undefined {
  const old = prompts ?? [];
  const typed = lines.length === 1 && lines[0] === '' ? [] : lines;
  const kept = old.map((p) => setText(p, lang, ''));
  const lastOther = kept.findLastIndex((p) => p !== '');
  const next = Array.from({ length: Math.max(typed.length, lastOther + 1) }, (_, k) =>
    setText(old[k], lang, typed[k] ?? ''),
  );
  return next.length === 0 ? undefined : next;
}

/** One language's prompts as lines. */
export function promptLines(prompts: readonly LocalizedText[] | undefined, lang: string): string {
  return (prompts ?? []).map((p) => textIn(p, lang)).join('\n');
}

const TechniqueSchema = IncidentObject.shape.techniques.unwrap().element;

export type TechniqueResult =
  { ok: true; doc: DraftDoc } | { ok: false; field: 'id' | 'name'; problem: Problem };

/**
 * Adds a technique to an event by id: one the incident lists already, or a new one (id and name) added to its list.
 * A new one is checked by the schema, whose problem comes back with the field it is about.
 */
export function addTechnique(
  doc: DraftDoc,
  eventId: string,
  technique: { id: string; name: string },
): TechniqueResult {
  const { file } = doc;
  const id = technique.id.trim();
  const listed = file.techniques?.some((t) => t.id === id) ?? false;
  if (!listed) {
    // The input's type is kept with zod's own problem, for zod's locale of the UI language to say it.
    const checked = TechniqueSchema.safeParse(
      { id, name: technique.name.trim() },
      { reportInput: true },
    );
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path[0] === 'name' ? 'name' : 'id';
      return { ok: false, field, problem: problemOfIssue(issue) };
    }
  }
  const techniques = listed
    ? file.techniques
    : [...(file.techniques ?? []), { id, name: technique.name.trim() }];
  const events = file.events.map((e) =>
    e.id !== eventId || e.techniques?.includes(id)
      ? e
      : { ...e, techniques: [...(e.techniques ?? []), id] },
  );
  return { ok: true, doc: { ...doc, file: { ...file, techniques, events } } };
}

/** The event with exactly these techniques; without the field when there are none. */
export function withTechniques(e: EventFile, ids: readonly string[]): EventFile {
  const { techniques: _old, ...rest } = e;
  void _old;
  return ids.length === 0 ? rest : { ...rest, techniques: [...ids] };
}

/** The event with one more citation, of `source` with no locator yet (the schema asks for one). */
export function addCitation(e: EventFile, source: string): EventFile {
  return { ...e, citations: [...e.citations, { source, locator: '' }] };
}

/** The event without its citation `k`; the last one stays, since an event must cite a source. */
export function removeCitation(e: EventFile, k: number): EventFile {
  return e.citations.length <= 1 ? e : { ...e, citations: e.citations.filter((_, i) => i !== k) };
}

/** One link as the event's form lists it: the other event, the kind, and which event holds it. */
export interface EventLink {
  /** The event holding the link. */
  from: string;
  /** The event it names. */
  to: string;
  kind: RelationKind;
}

/** The last call's links into an event: typing in its description at 100,000 events found them again (20 ms). */
const lastInto = latestOf<readonly EventFile[], { id: string; into: EventLink[] }>();
const sameIdAndLinks = (a: EventFile, b: EventFile) => a.id === b.id && a.related === b.related;

/** An event's links both ways: those it holds ("led to …") and those other events hold to it ("follows from …"). */
export function eventLinks(file: IncidentFile, id: string): { out: EventLink[]; in: EventLink[] } {
  const { events } = file;
  const event = findEvent(events, id);
  const last = lastInto.get();
  let into: EventLink[];
  if (last?.value.id === id && onlyReplaced(last.key, events, sameIdAndLinks))
    into = last.value.into;
  else if (!isLinkedTo(events, id)) into = [];
  else {
    // One loop, no array per event: a flatMap took 48 ms of each keystroke in a draft of 100,000 events.
    into = [];
    for (const e of events)
      for (const r of ownLinks(e))
        if (r.event === id) into.push({ from: e.id, to: id, kind: r.kind });
  }
  lastInto.set(events, { id, into });
  return {
    out: (event ? ownLinks(event) : []).map((r) => ({ from: id, to: r.event, kind: r.kind })),
    in: into,
  };
}

export type LinkResult =
  | { ok: true; doc: DraftDoc }
  | { ok: false; why: 'unknown' | 'self' | 'repeat' }
  /** `cycle`: the ids around it, for the message the loader gives for such a file ('causal-cycle'). */
  | { ok: false; why: 'cycle'; cycle: string[] };

/** `e` with `related` as its links, and without the key when there are none. */
function withRelated(e: EventFile, related: Link[]): EventFile {
  const { related: _old, ...rest } = e;
  void _old;
  return related.length === 0 ? rest : { ...rest, related };
}

const withLink = (file: IncidentFile, link: EventLink, add: boolean): IncidentFile => ({
  ...file,
  events: file.events.map((e) => {
    if (e.id !== link.from) return e;
    // What is there but a link (a draft from the database, see ownLinks) is kept, for Problems to name.
    const others = (Array.isArray(e.related) ? (e.related as unknown[]) : []).filter(
      (r) => !isLink(r) || r.event !== link.to || r.kind !== link.kind,
    ) as Link[];
    return withRelated(e, add ? [...others, { event: link.to, kind: link.kind }] : others);
  }),
});

/**
 * Takes off the items that are not links of the event with `id` the form shows (the first, where a draft repeats
 * the id), keeping its links; the draft unchanged when it has none.
 */
export function withoutNotLinks(doc: DraftDoc, id: string): DraftDoc {
  const shown = findEvent(doc.file.events, id);
  if (!shown || notLinks(shown) === 0) return doc;
  const events = doc.file.events.map((e) => (e === shown ? withRelated(e, [...ownLinks(e)]) : e));
  return { ...doc, file: { ...doc.file, events } };
}

/**
 * Links `from` to `to`. Refused: an unknown event, an event to itself, a link it has already, and one that would
 * close a cycle of led-to / enabled links (with the events around it).
 */
export function addLink(doc: DraftDoc, link: EventLink): LinkResult {
  const { file } = doc;
  const { events } = file;
  if (positionOfId(events, link.from) < 0 || positionOfId(events, link.to) < 0)
    return { ok: false, why: 'unknown' };
  if (link.from === link.to) return { ok: false, why: 'self' };
  const { out } = eventLinks(file, link.from);
  if (out.some((l) => l.to === link.to && l.kind === link.kind))
    return { ok: false, why: 'repeat' };
  const next = withLink(file, link, true);
  // A cycle the draft already has is listed under Problems; refuse only one this link closes.
  const linksOf = idsRepeat(events)
    ? linksById(events)
    : (id: string) => {
        const e = findEvent(events, id);
        return e && ownLinks(e);
      };
  const closed = cycleClosedBy(link, linksOf);
  // Named as the loader would name it in the file the link would make; in a draft with a cycle of its own, which
  // the loader might name instead, the one this link closes.
  if (closed)
    return {
      ok: false,
      why: 'cycle',
      cycle: findCausalCycle(linksOnly(events)) ? closed : findCausalCycle(linksOnly(next.events))!,
    };
  return { ok: true, doc: { ...doc, file: next } };
}

/** `events` with only the links of each (ownLinks), for the search of a cycle; the same list when all are links. */
function linksOnly(events: readonly EventFile[]): readonly EventFile[] {
  const onlyLinks = (e: EventFile) => e.related === undefined || ownLinks(e) === e.related;
  if (events.every(onlyLinks)) return events;
  return events.map((e) => (onlyLinks(e) ? e : { ...e, related: [...ownLinks(e)] }));
}

/** Each id's links, those of every event with the id: a draft with an id on two events links from both. */
function linksById(events: readonly EventFile[]): (id: string) => readonly Link[] | undefined {
  const links = new Map<string, Link[]>();
  for (const e of events) {
    const own = ownLinks(e);
    if (own.length > 0) links.set(e.id, [...(links.get(e.id) ?? []), ...own]);
  }
  return (id) => links.get(id);
}

/** Removes one link; the draft unchanged when there is no such link. */
export function removeLink(doc: DraftDoc, link: EventLink): DraftDoc {
  return { ...doc, file: withLink(doc.file, link, false) };
}

type LinkChoice = { id: string; label: string };

/** The last call's choices, each event's title and each title's count, for the next call to change only what moved. */
const lastChoices = latestOf<
  readonly EventFile[],
  { lang: string; choices: LinkChoice[]; titles: string[]; count: Map<string, number> }
>();

/** Past this many events added or removed, the choices are made again. */
const MAX_CHANGED = 1000;

const labelled = (id: string, title: string, count: ReadonlyMap<string, number>): LinkChoice => ({
  id,
  label: count.get(title)! > 1 || title === '' ? `${title} (${id})` : title,
});

/**
 * The events a link can name, each labelled by its title; a title two events share is told apart by id. Made from the
 * last call's when the events changed little: typing in one event's description at 100,000 events labelled every
 * event again (48 ms), and adding one (86 ms with its map).
 */
export function linkChoices(file: IncidentFile, lang: string): LinkChoice[] {
  const { events } = file;
  const last = lastChoices.get();
  if (last?.value.lang === lang) {
    // Kept for this list, so that the next change is found against it, not against one many changes back.
    if (onlyReplaced(last.key, events, sameIdAndTitle)) {
      lastChoices.set(events, last.value);
      return last.value.choices;
    }
    const change = listChange(last.key, events, MAX_CHANGED);
    if (change) return changedChoices(last.value, events, change, lang);
  }
  const titles = events.map((e) => localize(e.title, lang));
  const count = new Map<string, number>();
  for (const t of titles) count.set(t, (count.get(t) ?? 0) + 1);
  const choices = events.map((e, i) => labelled(e.id, titles[i]!, count));
  lastChoices.set(events, { lang, choices, titles, count });
  return choices;
}

/**
 * The last choices with the removed events' taken out, the added events' put in, and the events whose title came to
 * be shared, or no longer is, labelled again. Only the changed stretch is read: the rest is copied.
 */
function changedChoices(
  last: { choices: LinkChoice[]; titles: string[]; count: Map<string, number> },
  events: readonly EventFile[],
  { added, removed, keptAt, stretch }: ListChange,
  lang: string,
): LinkChoice[] {
  const { at, endA, endB } = stretch;
  const titles = new Array<string>(endB - at);
  const choices = new Array<LinkChoice>(endB - at);
  let gone = 0;
  for (let i = at; i < endA; i++) {
    if (removed[gone] === i) gone++;
    else {
      titles[keptAt(i) - at] = last.titles[i]!;
      choices[keptAt(i) - at] = last.choices[i]!;
    }
  }
  for (const i of added) titles[i - at] = localize(events[i]!.title, lang);
  // The count is the cache's own, so it is changed in place (once every title is read) and goes with the new list.
  const { count } = last;
  const was = new Map<string, number>();
  const counted = (title: string, by: 1 | -1) => {
    const n = count.get(title) ?? 0;
    if (!was.has(title)) was.set(title, n);
    if (n + by === 0) count.delete(title);
    else count.set(title, n + by);
  };
  for (const i of removed) counted(last.titles[i]!, -1);
  for (const i of added) counted(titles[i - at]!, 1);
  for (const i of added) choices[i - at] = labelled(events[i]!.id, titles[i - at]!, count);
  const allTitles = last.titles.slice(0, at).concat(titles, last.titles.slice(endA));
  const all = last.choices.slice(0, at).concat(choices, last.choices.slice(endA));
  // A title's label names the id once two events share it: the events of a title that came to be, or no longer is.
  const relabel = new Set(
    [...was].filter(([t, n]) => n > 1 !== (count.get(t) ?? 0) > 1).map(([t]) => t),
  );
  if (relabel.size > 0)
    for (let i = 0; i < events.length; i++)
      if (relabel.has(allTitles[i]!)) all[i] = labelled(events[i]!.id, allTitles[i]!, count);
  lastChoices.set(events, { lang, choices: all, titles: allTitles, count });
  return all;
}

const sameIdAndTitle = (a: EventFile, b: EventFile) => a.id === b.id && a.title === b.title;

/** How many events the link field offers as it is typed in: every event's option cost 150 ms a keystroke at 100,000. */
export const MAX_LINK_SUGGESTIONS = 50;

/** The first choices whose label holds what is typed (in any case), leaving out `self`, the event being edited. */
export function linkSuggestions(
  choices: readonly { id: string; label: string }[],
  typed: string,
  self: string,
): { id: string; label: string }[] {
  const term = typed.trim().toLowerCase();
  const found: { id: string; label: string }[] = [];
  for (const c of choices) {
    if (found.length === MAX_LINK_SUGGESTIONS) break;
    if (c.id !== self && c.label.toLowerCase().includes(term)) found.push(c);
  }
  return found;
}

/** The texts of an event the form writes per language; a citation's locator is one per citation. */
export type TextKey =
  'title' | 'description' | 'citation-locator' | 'inferred' | 'inject' | 'prompts';

/** One of an event's texts in exactly `lang` (prompts one per line). */
export function eventText(e: EventFile, key: TextKey, lang: string, index = 0): string {
  switch (key) {
    case 'title':
    case 'description':
      return textIn(e[key], lang);
    case 'citation-locator':
      return textIn(e.citations[index]?.locator, lang);
    case 'inferred':
      return textIn(e.inferred?.reason, lang);
    case 'inject':
      return textIn(e.inject?.question, lang);
    case 'prompts':
      return promptLines(e.prompts, lang);
  }
}

/** The event with one text written in `lang`, the other languages kept; an optional text emptied everywhere goes. */
export function setEventText(
  e: EventFile,
  key: TextKey,
  lang: string,
  value: string,
  index = 0,
): EventFile {
  switch (key) {
    case 'title':
      return { ...e, title: setText(e.title, lang, value) };
    case 'description': {
      // Optional: an event the source gives only a title has none, so an emptied one goes rather than fail the schema.
      const { description, ...rest } = e;
      const text = setText(description, lang, value);
      return text === '' ? rest : { ...rest, description: text };
    }
    case 'citation-locator':
      return {
        ...e,
        citations: e.citations.map((c, i) =>
          i === index ? { ...c, locator: setText(c.locator, lang, value) } : c,
        ),
      };
    case 'inferred': {
      const { inferred, ...rest } = e;
      const reason = setText(inferred?.reason, lang, value);
      return reason === '' ? rest : { ...rest, inferred: { reason } };
    }
    case 'inject': {
      const { inject, ...rest } = e;
      const question = setText(inject?.question, lang, value);
      return question === '' ? rest : { ...rest, inject: { question } };
    }
    case 'prompts': {
      const { prompts, ...rest } = e;
      const next = setPromptsIn(prompts, lang, value.split('\n'));
      return next ? { ...rest, prompts: next } : rest;
    }
  }
}

// The fast path for large files, without zod: the generated JSON Schema validator plus what the schema cannot say.
import {
  checkChangedReferences,
  checkReferences,
  isCalendarTime,
  isKnownLanguageTag,
  orderParse,
  referenceSteps,
  type CheckResult,
} from './incident-checks';
import type { EventFile, Incident, IncidentFile, LocalizedText, TimelineEvent } from './incident';
import { validate, validateEvent } from './incident-validator.generated.js';
import { sameButEvents } from './event-versions';
import { listChange, type ListChange } from './list-diff';
import { intervalOf, readingOrder } from './time';

/** Every text of an event, by path; `[]` steps into each item of a list. The schema test checks it lists them all. */
export const EVENT_TEXT_PATHS = [
  'title',
  'description',
  'citations[].locator',
  'inferred.reason',
  'prompts[]',
  'inject.question',
  'presentText',
] as const;

function textOk(text: LocalizedText | undefined): boolean {
  if (text === undefined || typeof text === 'string') return true;
  const tags = Object.keys(text);
  return tags.length > 0 && tags.every(isKnownLanguageTag);
}

/**
 * Whether every text of an event (EVENT_TEXT_PATHS; a test holds the two together) is valid text. Written out
 * rather than walked by path: at 100,000 full-field events in Node, walking the paths (with the times) took
 * 220 ms, this 100.
 */
function eventTextsOk(e: EventFile): boolean {
  if (!textOk(e.title) || !textOk(e.description) || !textOk(e.presentText)) return false;
  if (!textOk(e.inferred?.reason) || !textOk(e.inject?.question)) return false;
  for (let k = 0; k < e.citations.length; k++) if (!textOk(e.citations[k]!.locator)) return false;
  const { prompts } = e;
  if (prompts) for (let k = 0; k < prompts.length; k++) if (!textOk(prompts[k])) return false;
  return true;
}

/**
 * zod's http(s) URL check (`z.url` with the http protocols): the scheme followed by "://", and a URL the platform
 * parses. Only for a URL zod would keep as written: one with spaces around it, or a tab or newline in it, zod
 * returns changed, so it goes to zod.
 */
function isHttpUrl(url: string): boolean {
  if (url !== url.trim() || /[\t\n\r]/.test(url) || !/^https?:\/\//i.test(url)) return false;
  // Not URL.canParse, which browsers the build targets lack (Chrome before 120, Safari before 17).
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * What zod checks of everything but the events beyond the generated validator's shape: the texts' languages, the
 * file's languages, the sources' languages and URLs. A test puts a text with no language at every text path the
 * schema has outside the events.
 */
function topLevelOk(file: IncidentFile): boolean {
  if (!file.languages.every(isKnownLanguageTag)) return false;
  if (!textOk(file.title) || !textOk(file.summary) || !textOk(file.briefing)) return false;
  for (const source of file.sources) {
    if (!textOk(source.title) || !textOk(source.note)) return false;
    if (source.language !== undefined && !isKnownLanguageTag(source.language)) return false;
    if (source.url !== undefined && !isHttpUrl(source.url)) return false;
  }
  for (const terms of [file.phases, file.systems, file.actors, file.actions])
    for (const term of terms) if (!textOk(term.label) || !textOk(term.description)) return false;
  for (const phase of file.phases) if (phase.prompts && !phase.prompts.every(textOk)) return false;
  for (const indicator of file.indicators ?? []) {
    if (!textOk(indicator.description) || !textOk(indicator.location)) return false;
    if (!indicator.citations.every((c) => textOk(c.locator))) return false;
  }
  return true;
}

// The generated validator has matched the times against ISO_UTC, the pattern the schema takes from zod's.
const eventOk = (e: EventFile) =>
  isCalendarTime(e.start) && (e.end === undefined || isCalendarTime(e.end)) && eventTextsOk(e);

/** What zod checks and JSON Schema cannot express: language tags, URLs, calendar times, everything across lists. */
function passesChecks(file: IncidentFile): boolean {
  if (!topLevelOk(file)) return false;
  if (!file.events.every(eventOk)) return false;
  let clean = true;
  checkReferences(
    file,
    () => {
      clean = false;
    },
    true,
  );
  return clean;
}

/**
 * The incident of a file that passes every check, as parseIncident would give it, several times faster on a large
 * file; undefined when the file fails one, for zod to say what (checkIncidentFast), so that its problems read
 * exactly as parseIncident's. Without zod, so that a valid file never waits for zod's code to load.
 */
export function fastCheck(input: unknown): CheckResult | undefined {
  if (!validate(input) || !passesChecks(input as IncidentFile)) return undefined;
  const ordered = orderParse(input, input as IncidentFile);
  return ordered.ok ? { ...ordered, asWritten: true } : ordered;
}

/**
 * fastCheck in steps of `slice` events, for a caller that gives the page a turn at each `yield`: a stored draft of
 * 100,000 full-field events opened on the page was checked in one task of about half a second. The file without its
 * events and then each event through the generated validator's event check are its whole check (the root's check
 * of `events` calls the same function for each). `input` is changed as fastCheck's is.
 */
export function* fastCheckSteps(
  input: IncidentFile,
  slice: number,
): Generator<void, CheckResult | undefined> {
  const events: unknown = typeof input === 'object' && input !== null ? input.events : undefined;
  if (!Array.isArray(events) || !validate({ ...input, events: [] }) || !topLevelOk(input))
    return undefined;
  for (let from = 0; from < events.length; from += slice) {
    yield;
    const to = Math.min(events.length, from + slice);
    for (let i = from; i < to; i++)
      if (!validateEvent(events[i]) || !eventOk(events[i] as EventFile)) return undefined;
  }
  let clean = true;
  const issue = () => {
    clean = false;
  };
  const references = referenceSteps(input, issue, true, slice);
  while (!references.next().done) {
    if (!clean) return undefined;
    yield;
  }
  if (!clean) return undefined;
  yield;
  const ordered = orderParse(input, input);
  return ordered.ok ? { ...ordered, asWritten: true } : ordered;
}

/** A file the fast check passed, its incident, and where each of the file's events is in the incident's. */
export interface FastChecked {
  file: IncidentFile;
  incident: Incident;
  /** The position in `incident.events` of each event of `file.events`. */
  positions: Uint32Array;
}

/** What a later version of a file checks against (checkChange): `order` is the fast check's reading order. */
export function fastChecked(
  file: IncidentFile,
  incident: Incident,
  order: Uint32Array,
): FastChecked {
  const positions = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) positions[order[k]!] = k;
  return { file, incident, positions };
}

/** Past this many changed events a version is checked whole. */
const MAX_EDITED = 1000;

/**
 * What the check of a version of a checked file found (checkChange): the version checked, or where it has problems,
 * `bad` being the added events that fail their own check (in order); with none, the checks across lists found one.
 */
export type Change =
  { ok: true; checked: FastChecked } | { ok: false; change: ListChange; bad: number[] };

/**
 * The check of `file`, a version of a checked file that keeps everything but its events and changed some of those
 * (edited, added, deleted, moved in time or to another lane, an undo): the added events are checked on their own,
 * the checks across lists only where a change can bear (checkChangedReferences), and the incident is the checked
 * one with the removed events taken out and the added ones put in their place in reading order. At 100,000 events
 * a whole check took 0.4 s of each such change to a draft (1.2–2.4 s in zod when the draft had a problem), this a
 * few milliseconds. Undefined for any other version, for the whole check to say.
 */
export function checkChange(before: FastChecked, file: IncidentFile): Change | undefined {
  if (!sameButEvents(before.file, file) || !Array.isArray(file.events)) return undefined;
  const a = before.file.events;
  const b = file.events;
  const change = listChange(a, b, MAX_EDITED);
  if (!change) return undefined;
  const bad: number[] = [];
  for (const i of change.added) {
    const e = b[i]!;
    // An own "__proto__" in `extra` is zod's to settle (orderParse).
    if (typeof e === 'object' && e !== null && hasProtoExtra(e)) return undefined;
    if (!validateEvent(e) || !eventOk(e)) bad.push(i);
  }
  if (bad.length > 0) return { ok: false, change, bad };
  let clean = true;
  checkChangedReferences(file, a, change, () => {
    clean = false;
  });
  if (!clean) return { ok: false, change, bad };
  return { ok: true, checked: replaceEvents(before, file, change) };
}

const hasProtoExtra = (e: object) => {
  const { extra } = e as { extra?: unknown };
  return typeof extra === 'object' && extra !== null && Object.hasOwn(extra, '__proto__');
};

/** `before`'s incident with `file`'s added events (a valid change) in place of the removed ones. */
function replaceEvents(before: FastChecked, file: IncidentFile, change: ListChange): FastChecked {
  const a = before.file.events;
  const b = file.events;
  const old = before.incident.events;
  const { added, removed, keptAt } = change;
  const timed = (e: EventFile): TimelineEvent => ({ ...e, ...intervalOf(e) });
  // Nothing that orders them replaced (their ids, times and precisions): each new event takes its old one's place.
  if (change.inPlace && added.every((i) => sameTimes(b[i]!, a[i]!))) {
    if (added.length === 0) return { ...before, file };
    const events = old.slice();
    for (const i of added) events[before.positions[i]!] = timed(b[i]!);
    return { file, incident: { ...before.incident, events }, positions: before.positions };
  }
  const gone = new Uint8Array(old.length);
  for (const i of removed) gone[before.positions[i]!] = 1;
  const fileAt = new Uint32Array(old.length);
  for (let i = 0; i < a.length; i++)
    if (!gone[before.positions[i]!]) fileAt[before.positions[i]!] = keptAt(i);
  const positions = new Uint32Array(b.length);
  // Only moved in the file: the same incident, its events' places in the file found again.
  if (added.length === 0 && removed.length === 0) {
    for (let p = 0; p < old.length; p++) positions[fileAt[p]!] = p;
    return { file, incident: before.incident, positions };
  }
  const put = added.map((i) => ({ e: timed(b[i]!), i }));
  put.sort((x, y) => readingOrder(x.e, y.e));
  const events = new Array<TimelineEvent>(b.length);
  let k = 0;
  let m = 0;
  const place = (e: TimelineEvent, i: number) => {
    events[k] = e;
    positions[i] = k++;
  };
  for (let p = 0; p < old.length; p++) {
    if (gone[p]) continue;
    const e = old[p]!;
    while (m < put.length && readingOrder(put[m]!.e, e) < 0) place(put[m]!.e, put[m++]!.i);
    place(e, fileAt[p]!);
  }
  while (m < put.length) place(put[m]!.e, put[m++]!.i);
  return { file, incident: { ...before.incident, events }, positions };
}

const sameTimes = (x: EventFile, y: EventFile) =>
  x.id === y.id && x.start === y.start && x.end === y.end && x.precision === y.precision;

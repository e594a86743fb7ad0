// What the format asks beyond each field's shape, without zod: language tags, calendar times, references across
// lists, the reading order. The fast path runs these alone on a file that fits the generated validator, so that a
// valid file is never checked by zod, whose schemas take 25-40 ms of a page's thread just to be built.
import { cycleClosedBy, findCausalCycle } from './causal-links';
import { findEvent, positionOfId, isLinkedTo } from './event-lookup';
import type { EventFile, Incident, IncidentFile, Problem } from './incident';
import { problemText, type ProblemText } from './problem-codes';
import { capProblems } from './problems';
import type { ListChange } from './list-diff';
import { inReadingOrder, isAlignedToPrecision, readingOrderOf, type ReadingOrder } from './time';

/** The shape of an id and of a reference to one (all but a technique's): a slug of at most ID_MAX characters. */
export const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 120;
const isIdShape = (id: string) => id.length <= ID_MAX && ID_SHAPE.test(id);

export const LANG_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?$/;

/** A language tag the platform recognises and writes the same way (e.g. `en`, `zh-Hant`). */
export function isKnownLanguageTag(tag: string): boolean {
  const known = knownTags.get(tag);
  if (known !== undefined) return known;
  let answer = false;
  if (LANG_TAG.test(tag)) {
    try {
      answer = Intl.getCanonicalLocales(tag)[0] === tag;
    } catch {
      answer = false;
    }
  }
  // Files repeat a handful of tags on every text; the cap keeps a hostile file from growing the memo without end.
  if (knownTags.size < 1000) knownTags.set(tag, answer);
  return answer;
}
const knownTags = new Map<string, boolean>();

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;

/**
 * Whether a time of ISO_UTC's shape names a real moment of the calendar (no 2023-02-31, no 24:00). Its fields are
 * read as numbers, not through Date.parse and back (nor date-fns' getDaysInMonth, which takes a Date): a large file
 * has 200,000 times, and that took 0.6 µs each.
 */
export function isCalendarTime(s: string): boolean {
  const two = (at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
  const year = two(0) * 100 + two(2);
  const month = two(5);
  const day = two(8);
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    two(11) <= 23 &&
    two(14) <= 59 &&
    (s[16] !== ':' || two(17) <= 59)
  );
}

/** What the IsoUtc schema accepts, without zod: for the reference checks and the fast validator. */
export const isIsoUtc = (s: string) => ISO_UTC.test(s) && isCalendarTime(s);

/** Reports a problem at a path; its text is made only when a check fails, never on a valid file's path. */
export type Issue = (path: (string | number)[], text: ProblemText) => void;

/** An event's times against its precision and each other; both are valid UTC times. */
function checkTimes(e: EventFile, i: number, issue: Issue): void {
  const { precision } = e;
  if (!isAlignedToPrecision(e.start, precision))
    issue(
      ['events', i, 'start'],
      problemText('too-precise', { field: 'start', time: e.start, precision }),
    );
  if (e.end === undefined) return;
  if (!isAlignedToPrecision(e.end, precision))
    issue(
      ['events', i, 'end'],
      problemText('too-precise', { field: 'end', time: e.end, precision }),
    );
  if (Date.parse(e.end) < Date.parse(e.start))
    issue(['events', i, 'end'], problemText('end-before-start', { end: e.end, start: e.start }));
}

/** Each list's ids, with the position of its first item. */
export interface KnownIds {
  phases: ReadonlyMap<string, number>;
  systems: ReadonlyMap<string, number>;
  actors: ReadonlyMap<string, number>;
  actions: ReadonlyMap<string, number>;
  sources: ReadonlyMap<string, number>;
  techniques: ReadonlyMap<string, number>;
  /** Only asked whether an id is there. */
  events: Pick<ReadonlyMap<string, number>, 'has'>;
}

// A large valid file makes millions of these checks: they allocate nothing (no path, no closure) unless one fails.
function unknown(issue: Issue, id: string, list: string, ...path: (string | number)[]) {
  // A reference of the wrong shape has the schema's message at this path already; a second would say less.
  if (list !== 'techniques' && !isIdShape(id)) return;
  issue(path, problemText('unknown-id', { id, list }));
}

// A list naming one thing twice says nothing more, and a long one would make every consumer of it slow.
function once<T>(
  issue: Issue,
  items: readonly T[] | undefined,
  base: (string | number)[],
  keyOf: (item: T) => string,
  say: (item: T, list: string, at: number) => ProblemText,
) {
  const first = new Map<string, number>();
  items?.forEach((item, k) => {
    const key = keyOf(item);
    const at = first.get(key);
    if (at === undefined) first.set(key, k);
    else issue([...base, k], say(item, String(base.at(-1)), at));
  });
}
const itself = (item: string) => item;
const twice = (item: string, list: string, at: number) =>
  problemText('listed-twice', { item, list, at });
const onceEach = (issue: Issue, items: readonly string[] | undefined, base: (string | number)[]) =>
  once(issue, items, base, itself, twice);
// Related events are keyed by kind and id; a kind is a word and an id a slug, so the space cannot be ambiguous.
const linkKey = (r: { kind: string; event: string }) => `${r.kind} ${r.event}`;
const linkTwice = (r: { kind: string; event: string }, list: string, at: number) =>
  problemText('link-listed-twice', { kind: r.kind, event: r.event, list, at });

function cite(
  issue: Issue,
  sources: KnownIds['sources'],
  citations: { source: string }[],
  owner: 'events' | 'indicators',
  i: number,
) {
  for (let k = 0; k < citations.length; k++) {
    const { source } = citations[k]!;
    if (!sources.has(source)) unknown(issue, source, 'sources', owner, i, 'citations', k, 'source');
  }
}

/** What JSON Schema cannot say about one event, the `i`th: its references, repeats, precision and order of times. */
function checkEventReferences(
  e: EventFile,
  i: number,
  known: KnownIds,
  issue: Issue,
  /** The event's start and end are known to be valid UTC times (the fast path checked them). */
  timesChecked: boolean,
): void {
  if (!known.phases.has(e.phase)) unknown(issue, e.phase, 'phases', 'events', i, 'phase');
  if (!known.actors.has(e.actor)) unknown(issue, e.actor, 'actors', 'events', i, 'actor');
  if (!known.actions.has(e.action)) unknown(issue, e.action, 'actions', 'events', i, 'action');
  for (let k = 0; k < e.systems.length; k++)
    if (!known.systems.has(e.systems[k]!))
      unknown(issue, e.systems[k]!, 'systems', 'events', i, 'systems', k);
  const { techniques: used, related } = e;
  if (used)
    for (let k = 0; k < used.length; k++)
      if (!known.techniques.has(used[k]!))
        unknown(issue, used[k]!, 'techniques', 'events', i, 'techniques', k);
  if (related)
    for (let k = 0; k < related.length; k++)
      if (!known.events.has(related[k]!.event))
        unknown(issue, related[k]!.event, 'events', 'events', i, 'related', k, 'event');
  if (e.systems.length > 1) onceEach(issue, e.systems, ['events', i, 'systems']);
  if (used && used.length > 1) onceEach(issue, used, ['events', i, 'techniques']);
  if (related && related.length > 1)
    once(issue, related, ['events', i, 'related'], linkKey, linkTwice);
  cite(issue, known.sources, e.citations, 'events', i);
  // A time that already failed its own check gets no second, misleading message about precision or order.
  if (timesChecked || (isIsoUtc(e.start) && (e.end === undefined || isIsoUtc(e.end))))
    checkTimes(e, i, issue);
}

/** Each list's ids, by the position of their first item; a repeated id is reported (with `issue`) and not kept. */
function idsOf(list: readonly { id: string }[] | undefined, key: string, issue: Issue) {
  const first = new Map<string, number>();
  (list ?? []).forEach((item, i) => {
    if (first.has(item.id))
      issue([key, i, 'id'], problemText('duplicate-id', { id: item.id, list: key }));
    else first.set(item.id, i);
  });
  return first;
}

/** The ids of each list of terms (and of the sources); a repeated id is reported. */
function termIdsOf(file: IncidentFile, issue: Issue) {
  return {
    phases: idsOf(file.phases, 'phases', issue),
    systems: idsOf(file.systems, 'systems', issue),
    actors: idsOf(file.actors, 'actors', issue),
    actions: idsOf(file.actions, 'actions', issue),
    sources: idsOf(file.sources, 'sources', issue),
    techniques: idsOf(file.techniques, 'techniques', issue),
  };
}

/** Each list's ids; a repeated id is reported. */
function knownIdsOf(file: IncidentFile, issue: Issue) {
  const known = {
    ...termIdsOf(file, issue),
    // Each id with the position of its first item, which the events' cycle search reuses.
    events: idsOf(file.events, 'events', issue),
  };
  idsOf(file.indicators, 'indicators', issue);
  return known;
}

/**
 * What checkReferences checks once the events are: the indicators' references and repeats, a cycle of links.
 * `firstAt` is each event id's first position, for the cycle's search; none when no cycle can be new.
 */
function checkAfterEvents(
  file: IncidentFile,
  known: KnownIds,
  issue: Issue,
  firstAt: ReadonlyMap<string, number> | undefined,
) {
  file.indicators?.forEach((ind, i) => {
    ind.events?.forEach((id, k) => {
      if (!known.events.has(id)) unknown(issue, id, 'events', 'indicators', i, 'events', k);
    });
    onceEach(issue, ind.events, ['indicators', i, 'events']);
    cite(issue, known.sources, ind.citations, 'indicators', i);
  });
  const cycle = firstAt && findCausalCycle(file.events, firstAt);
  if (cycle) {
    const first = file.events.findIndex((e) => e.id === cycle[0]);
    issue(['events', first, 'related'], problemText('causal-cycle', { ids: cycle }));
  }
}

/** What JSON Schema cannot say about a file that has its shape: unique ids, references, repeats, precision, order. */
export function checkReferences(
  file: IncidentFile,
  issue: Issue,
  /** Every event's start and end is known to be a valid UTC time (the fast path checked them). */
  timesChecked = false,
): void {
  const known = knownIdsOf(file, issue);
  const list = file.events;
  for (let i = 0; i < list.length; i++)
    checkEventReferences(list[i]!, i, known, issue, timesChecked);
  checkAfterEvents(file, known, issue, known.events);
}

/**
 * checkReferences in steps, `slice` events each, for a caller that gives the page a turn between them. A loop of
 * its own rather than checkReferences as this generator: the worker's check of a large file runs the plain loop.
 */
export function* referenceSteps(
  file: IncidentFile,
  issue: Issue,
  timesChecked: boolean,
  slice: number,
): Generator<void, void> {
  const known = knownIdsOf(file, issue);
  const list = file.events;
  for (let from = 0; from < list.length; from += slice) {
    yield;
    const to = Math.min(list.length, from + slice);
    for (let i = from; i < to; i++) checkEventReferences(list[i]!, i, known, issue, timesChecked);
  }
  yield;
  checkAfterEvents(file, known, issue, known.events);
}

/**
 * checkReferences of `file`, a version of the valid file whose events were `before` (and whose other fields it
 * keeps) that made the `change` to them: the same problems in the same order, from the added events, the events that
 * linked to an id now gone and the indicators alone. Nothing else can have a new problem: an unchanged event's
 * terms, sources and times are as they were checked, every id it or an indicator names was there, and a cycle of
 * links needs a link from an added event that the removed event of its id did not have. At 100,000 events
 * checkReferences took about 0.2 s of each change to a draft, this one pass over the events at most (only when an
 * event some link named is gone), and a search for a cycle only when an added event's new link closes one (or an id
 * is on two events, or the walks from the new links read more events than the file holds).
 */
export function checkChangedReferences(
  file: IncidentFile,
  before: readonly EventFile[],
  change: ListChange,
  issue: Issue,
): void {
  const events = file.events;
  const { keptAt } = change;
  const removed = new Map<string, EventFile['related']>();
  const hadLinks = new Set<string>();
  for (const i of change.removed) {
    removed.set(before[i]!.id, before[i]!.related);
    for (const r of before[i]!.related ?? []) hadLinks.add(r.event);
  }
  // The added events' ids, each at its first position: a second is one of idsOf's problems.
  const added = new Map<string, number>();
  const repeats: number[] = [];
  for (const i of change.added) {
    if (added.has(events[i]!.id)) repeats.push(i);
    else added.set(events[i]!.id, i);
  }
  // Ids that only the unchanged events can say whether they have: new ids, and new links' targets.
  const asked = new Set<string>();
  for (const id of added.keys()) if (!removed.has(id)) asked.add(id);
  for (const i of change.added)
    for (const r of events[i]!.related ?? [])
      if (!added.has(r.event) && !removed.has(r.event) && !hadLinks.has(r.event))
        asked.add(r.event);
  // Where each asked id is, from the index of the valid list's ids (no removed event has one); a pass over its
  // events took 9 ms of Add event at 100,000 events, and is left for finding who linked to an id now gone.
  const found = new Map<string, number>();
  for (const id of asked) {
    const i = positionOfId(before, id);
    if (i >= 0) found.set(id, keptAt(i));
  }
  const relinked: number[] = [];
  if ([...removed.keys()].some((id) => !added.has(id) && isLinkedTo(before, id))) {
    let next = 0;
    for (let i = 0; i < before.length; i++) {
      if (change.removed[next] === i) {
        next++;
        continue;
      }
      if (before[i]!.related?.some((r) => removed.has(r.event) && !added.has(r.event)))
        relinked.push(keptAt(i));
    }
  }
  const known: KnownIds = {
    ...termIdsOf(file, issue),
    events: {
      has: (id) => added.has(id) || (!removed.has(id) && (asked.has(id) ? found.has(id) : true)),
    },
  };
  for (const [id, first] of added) {
    const other = found.get(id);
    if (other !== undefined) repeats.push(Math.max(other, first));
  }
  for (const i of repeats.sort((x, y) => x - y))
    issue(['events', i, 'id'], problemText('duplicate-id', { id: events[i]!.id, list: 'events' }));
  idsOf(file.indicators, 'indicators', issue);
  const checked = [...change.added, ...relinked].sort((x, y) => x - y);
  for (const i of checked) checkEventReferences(events[i]!, i, known, issue, false);
  // A cycle needs an edge the valid file did not have: an added event's link that its removed namesake lacked. The
  // whole search runs only when such a link closes one, for its words (it names the first cycle it meets), when an
  // id is on two events, whose links are then both its own, or once the walks have read as many events as the file
  // holds, more than the whole search would.
  const fresh = change.added.flatMap((i) => {
    const { id, related } = events[i]!;
    const had = removed.get(id);
    return (related ?? [])
      .filter((r) => !had?.some((h) => h.event === r.event && h.kind === r.kind))
      .map((r) => ({ from: id, to: r.event, kind: r.kind }));
  });
  let read = 0;
  const linksOf = (id: string) => {
    read++;
    return findEvent(events, id)?.related;
  };
  const mayCycle =
    fresh.length > 0 &&
    (repeats.length > 0 ||
      fresh.some((link) => read > events.length || cycleClosedBy(link, linksOf)));
  checkAfterEvents(file, known, issue, mayCycle ? idsOf(events, 'events', () => {}) : undefined);
}

/**
 * zod copies a record onto a plain object, where a "__proto__" key sets the prototype instead of adding an entry, so
 * an imported column of that name would vanish: such an `extra` is copied again in its order, that one value checked
 * (zod checked the rest), onto an object without a prototype. `input` has passed the schema, so its events are
 * objects in the same order.
 */
function keepProtoEntries(
  input: unknown,
  events: EventFile[],
): { events: EventFile[]; problems: Problem[] } {
  const raw = (input as { events: { extra?: Record<string, string> }[] }).events;
  const problems: Problem[] = [];
  const kept = events.map((e, i) => {
    const extra = raw[i]!.extra;
    if (extra === undefined || !Object.hasOwn(extra, '__proto__')) return e;
    const value: unknown = Object.getOwnPropertyDescriptor(extra, '__proto__')!.value;
    if (typeof value !== 'string') {
      problems.push({
        path: `events[${i}].extra.__proto__`,
        ...problemText('expected-string', {}),
      });
      return e;
    }
    // Assigning "__proto__" makes an own entry here, since `copy` has no prototype for it to set.
    const copy: Record<string, string> = Object.create(null);
    for (const [key, text] of Object.entries(extra)) copy[key] = text;
    return { ...e, extra: copy };
  });
  return { events: kept, problems };
}

/**
 * What a check says of a file: its problems, or its incident, built when asked for. A file valid as written comes
 * with its reading order, so that a worker can send the order before it builds the incident (checkIncidentFast).
 */
export type CheckResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; asWritten: true; order: ReadingOrder; incident: () => Incident }
  | { ok: true; asWritten: false; incident: () => Incident };

/** A valid file's reading order and the incident it orders, built only when asked for: finishParse in two steps. */
export type OrderedParse =
  { ok: true; order: ReadingOrder; incident: () => Incident } | { ok: false; problems: Problem[] };

/** finishParse, but the incident is built when asked for: the worker sends the order to the page first. */
export function orderParse(input: unknown, data: IncidentFile): OrderedParse {
  const kept = keepProtoEntries(input, data.events);
  if (kept.problems.length > 0)
    return { ok: false, problems: capProblems(kept.problems, '(file)') };
  const order = readingOrderOf(kept.events);
  return {
    ok: true,
    order,
    incident: () => ({ ...data, events: inReadingOrder(kept.events, order) }),
  };
}

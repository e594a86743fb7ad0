// A draft's events looked up by id, and whether any links to an id. The editor asks on every render and keystroke:
// a search of 100,000 events took 17 ms of the click on Add event, a search of their links 9–18 ms. One index, of the
// latest list asked about, follows the changes that keep the other events in their places (a text edit, an event
// added or taken off the end).
import type { EventFile, Incident, TimelineEvent } from './incident';
import { changedStretch } from './list-diff';
import { latestOf, memo } from './memo';

type Events = readonly EventFile[];

/**
 * Where each id first is; `repeated` when some id is on more than one event, which no change then follows; and how
 * many links (`related`) name each id.
 */
interface IdIndex {
  at: Map<string, number>;
  repeated: boolean;
  linksTo: Map<string, number>;
}

/** One of an event's links. */
export type Link = NonNullable<EventFile['related']>[number];
const NO_LINKS: readonly Link[] = [];

/** Whether an item of an event's `related` is a link (an event's id and a kind), as a valid file's all are. */
export const isLink = (r: unknown): r is Link =>
  typeof r === 'object' &&
  r !== null &&
  typeof (r as Link).event === 'string' &&
  typeof (r as Link).kind === 'string';

/**
 * An event's links that are links. A draft read from this browser's database may hold something else there, which
 * a file with it could not (its open is refused): the editor lists and edits the rest, and Problems names it. The
 * event's own list when every item is a link.
 */
export function ownLinks(e: EventFile): readonly Link[] {
  const related: unknown = e.related;
  if (!Array.isArray(related)) return NO_LINKS;
  return related.every(isLink) ? (related as Link[]) : related.filter(isLink);
}

/**
 * How many items of `e`'s links are not links, as only a draft from the database can hold (see ownLinks); a value
 * there that is not a list counts as one.
 */
export function notLinks(e: EventFile): number {
  const items: unknown = e.related;
  if (items === undefined) return 0;
  return Array.isArray(items) ? items.length - ownLinks(e).length : 1;
}

function countLinks(linksTo: Map<string, number>, e: EventFile, by: 1 | -1): void {
  for (const { event } of ownLinks(e)) {
    const n = (linksTo.get(event) ?? 0) + by;
    if (n === 0) linksTo.delete(event);
    else linksTo.set(event, n);
  }
}

const latest = latestOf<Events, IdIndex>();

function indexOf(events: Events): IdIndex {
  const at = new Map<string, number>();
  const linksTo = new Map<string, number>();
  let repeated = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (at.has(e.id)) repeated = true;
    else at.set(e.id, i);
    if (e.related) countLinks(linksTo, e, 1);
  }
  return { at, repeated, linksTo };
}

/**
 * `index` of `before`, changed in place into the index of `after` when that left every event outside the stretch it
 * changed where it was: events replaced (a text edit, an undo of one), added after the last or taken off the end.
 * False when the events after the stretch moved (an event added or deleted before the last), for a new index.
 */
function follow(index: IdIndex, before: Events, after: Events): boolean {
  const { at, endA, endB } = changedStretch(before, after);
  if (index.repeated || (before.length !== after.length && endA !== before.length)) return false;
  const ids = index.at;
  for (let i = at; i < endA; i++) {
    ids.delete(before[i]!.id);
    countLinks(index.linksTo, before[i]!, -1);
  }
  for (let i = at; i < endB; i++) {
    const { id } = after[i]!;
    countLinks(index.linksTo, after[i]!, 1);
    const other = ids.get(id);
    if (other !== undefined) index.repeated = true;
    if (other === undefined || other > i) ids.set(id, i);
  }
  return true;
}

function idIndex(events: Events): IdIndex {
  const last = latest.get();
  if (last?.key === events) return last.value;
  const index = last && follow(last.value, last.key, events) ? last.value : indexOf(events);
  latest.set(events, index);
  return index;
}

/** The position of the first event with the id, or -1: `events.findIndex((e) => e.id === id)`. */
export const positionOfId = (events: Events, id: string): number =>
  idIndex(events).at.get(id) ?? -1;

/** The first event with the id: `events.find((e) => e.id === id)`. */
export function findEvent(events: Events, id: string): EventFile | undefined {
  const i = positionOfId(events, id);
  return i < 0 ? undefined : events[i];
}

/** Whether some id is on more than one event: then the first event with an id is not all of its links. */
export const idsRepeat = (events: Events): boolean => idIndex(events).repeated;

/** Whether an event's links (`related`) name the id: `events.some((e) => e.related?.some((r) => r.event === id))`. */
export const isLinkedTo = (events: Events, id: string): boolean => idIndex(events).linksTo.has(id);

const lookups = new WeakMap<Incident, ReadonlyMap<string, TimelineEvent>>();

// A loop rather than `new Map(events.map(...))`, whose pairs are made only to be dropped: 78 -> 46 ms at 100,000.
function lookupOf(incident: Incident): Map<string, TimelineEvent> {
  const byId = new Map<string, TimelineEvent>();
  for (const e of incident.events) byId.set(e.id, e);
  return byId;
}

/** A valid incident's events by id, made once per incident (the chart's scene shares it). */
export const eventsById = (incident: Incident): ReadonlyMap<string, TimelineEvent> =>
  memo(lookups, incident, lookupOf);

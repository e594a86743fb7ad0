// Typing in an event's texts makes a new list of events on each pause, like the last in all but those texts. What is
// made of a list's order, times, facets, lanes and links holds for both, so it is kept for the first list of such a
// run (its shape) instead of made again: at 100,000 events, about 0.2 s of every pause in typing.
import type { TimelineEvent } from './incident';
import { changedStretch } from './list-diff';

type Events = readonly TimelineEvent[];

// An event's own texts: nothing made of a list's shape reads them.
const TEXTS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'citations',
  'inferred',
  'prompts',
  'inject',
  'presentText',
  'extra',
]);

function alikeButTexts(a: TimelineEvent, b: TimelineEvent): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const k in x) if (!TEXTS.has(k) && x[k] !== y[k]) return false;
  for (const k in y) if (!TEXTS.has(k) && !(k in x)) return false;
  return true;
}

/** A list and the list it was made from by changing some events' texts: the positions of the events it replaced. */
export interface TextEdit {
  before: Events;
  after: Events;
  replaced: readonly number[];
}

/** Past this many replaced events, a list is taken as new. */
const MAX_REPLACED = 1000;

const shapes = new WeakMap<Events, Events>();
// Each list's edit, kept as long as the list lives; a list's own entry goes when the next edit is noted, so that a
// run of edits keeps only its first list (the shape) and the latest two, not every version.
const edits = new WeakMap<Events, TextEdit>();

/**
 * Notes that `after` is `before` with some events replaced by others that differ only in their texts (each field
 * but TEXTS the very same value), so that what is made of `before`'s shape serves `after`. Any other change is not
 * noted.
 */
export function noteTextEdit(before: Events, after: Events): void {
  if (before === after || before.length !== after.length) return;
  const { at, endA } = changedStretch(before, after);
  if (endA - at > MAX_REPLACED) return;
  const replaced: number[] = [];
  for (let i = at; i < endA; i++) {
    if (before[i] === after[i]) continue;
    if (!alikeButTexts(before[i]!, after[i]!)) return;
    replaced.push(i);
  }
  shapes.set(after, eventsShape(before));
  edits.delete(before);
  edits.set(after, { before, after, replaced });
}

/** The first list of the run of text edits that made `events` (`events` itself when none did): a key for its shape. */
export const eventsShape = (events: Events): Events => shapes.get(events) ?? events;

/** The text edit that made `events`, while it is the latest of its run. */
export const textEditOf = (events: Events): TextEdit | undefined => edits.get(events);

/** Whether two incidents (or files) hold the very same values in every field but their events. */
export function sameButEvents(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (key !== 'events' && (!(key in y) || x[key] !== y[key])) return false;
  return true;
}

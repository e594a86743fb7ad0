// Undo and redo for a draft: each change kept as the top-level fields it replaced (the events and the added ids as
// the stretch that changed), plain data that survives a reload.
import type { EventFile, IncidentFile } from './incident';
import type { DraftDoc } from './draft';
import { changedStretch } from './list-diff';

/** Changes kept for undo; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

/** A list's change as one splice: from `at`, `remove` items are replaced by `insert`. */
interface Splice<T> {
  at: number;
  remove: number;
  insert: T[];
}

/**
 * A side of a change. The events and the added ids are kept as the splice between the two lists, not as both
 * lists: a change kept each list whole, so at 100,000 events every change held two arrays of 100,000, which each
 * save copied again (a history saved before then still has `events` and `added`, which are applied whole).
 */
type Fields = Partial<IncidentFile> & {
  added?: string[];
  eventSplice?: Splice<EventFile>;
  addedSplice?: Splice<string>;
};

export interface Change {
  before: Fields;
  after: Fields;
  /** Consecutive changes with the same key (typing in one field) undo as one. */
  key?: string;
}

export interface History {
  past: Change[];
  future: Change[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** The splices that turn `b` back into `a` and `a` into `b`: from the first item that differs to the last. */
function splices<T>(a: readonly T[], b: readonly T[]): [Splice<T>, Splice<T>] {
  const { at, endA, endB } = changedStretch(a, b);
  return [
    { at, remove: endB - at, insert: a.slice(at, endA) },
    { at, remove: endA - at, insert: b.slice(at, endB) },
  ];
}

function diff(a: DraftDoc, b: DraftDoc): Change {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(a.file), ...Object.keys(b.file)]);
  for (const k of keys) {
    const x = (a.file as Record<string, unknown>)[k];
    const y = (b.file as Record<string, unknown>)[k];
    if (x === y) continue;
    if (k !== 'events') {
      before[k] = x;
      after[k] = y;
    } else if (changed(a.file.events, b.file.events))
      [before.eventSplice, after.eventSplice] = splices(a.file.events, b.file.events);
  }
  if (changed(a.added, b.added))
    [before.addedSplice, after.addedSplice] = splices(a.added, b.added);
  return { before: before as Fields, after: after as Fields };
}

/** Whether two lists hold other items: a list made again with the same items (deleteEvent's ids) is no change. */
const changed = <T>(a: readonly T[], b: readonly T[]) =>
  a !== b && (a.length !== b.length || a.some((item, i) => item !== b[i]));

const spliced = <T>(list: readonly T[], { at, remove, insert }: Splice<T>): T[] => [
  ...list.slice(0, at),
  ...insert,
  ...list.slice(at + remove),
];

function apply(doc: DraftDoc, fields: Fields): DraftDoc {
  const { added, eventSplice, addedSplice, ...rest } = fields;
  const file: Record<string, unknown> = { ...doc.file };
  for (const [k, v] of Object.entries(rest)) {
    // A field absent before the change (an optional list) is absent again after undo.
    if (v === undefined) delete file[k];
    else file[k] = v;
  }
  if (eventSplice) file.events = spliced(doc.file.events, eventSplice);
  const ids = added ?? (addedSplice ? spliced(doc.added, addedSplice) : doc.added);
  return { ...doc, file: file as unknown as IncidentFile, added: ids };
}

/** Records the step from `doc` to `next`; an unchanged draft records nothing. */
export function record(history: History, doc: DraftDoc, next: DraftDoc, key?: string): History {
  const change = diff(doc, next);
  if (Object.keys(change.after).length === 0 && Object.keys(change.before).length === 0)
    return history;
  const last = history.past.at(-1);
  if (key !== undefined && last?.key === key && history.future.length === 0) {
    const merged = { ...diff(apply(doc, last.before), next), key };
    return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  return { past: [...history.past, { ...change, key }].slice(-HISTORY_LIMIT), future: [] };
}

export function undo(history: History, doc: DraftDoc): { history: History; doc: DraftDoc } {
  const last = history.past.at(-1);
  if (!last) return { history, doc };
  return {
    doc: apply(doc, last.before),
    history: { past: history.past.slice(0, -1), future: [...history.future, last] },
  };
}

export function redo(history: History, doc: DraftDoc): { history: History; doc: DraftDoc } {
  const next = history.future.at(-1);
  if (!next) return { history, doc };
  return {
    doc: apply(doc, next.after),
    history: {
      past: [...history.past, { ...next, key: undefined }],
      future: history.future.slice(0, -1),
    },
  };
}

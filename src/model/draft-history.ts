// Undo and redo for a draft: each change kept as the top-level fields it replaced, plain data that survives a reload.
import type { IncidentFile } from './incident';
import type { DraftDoc } from './draft';

/** Changes kept for undo; the oldest are dropped beyond it. */
export const HISTORY_LIMIT = 200;

type Fields = Partial<IncidentFile> & { added?: string[] };

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

function diff(a: DraftDoc, b: DraftDoc): Change {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(a.file), ...Object.keys(b.file)]);
  for (const k of keys) {
    const x = (a.file as Record<string, unknown>)[k];
    const y = (b.file as Record<string, unknown>)[k];
    if (x !== y) {
      before[k] = x;
      after[k] = y;
    }
  }
  if (a.added !== b.added) {
    before.added = a.added;
    after.added = b.added;
  }
  return { before: before as Fields, after: after as Fields };
}

function apply(doc: DraftDoc, fields: Fields): DraftDoc {
  const { added, ...rest } = fields;
  const file: Record<string, unknown> = { ...doc.file };
  for (const [k, v] of Object.entries(rest)) {
    // A field absent before the change (an optional list) is absent again after undo.
    if (v === undefined) delete file[k];
    else file[k] = v;
  }
  return { ...doc, file: file as unknown as IncidentFile, added: added ?? doc.added };
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

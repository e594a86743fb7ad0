// Drafts in the browser database: listed newest first, read, written, deleted. Nothing leaves the browser.
import { SCHEMA_VERSION } from '../model/format-constants';
import type { LocalizedText } from '../model/incident';
import { setText } from '../model/draft';
import type { IDBPTransaction } from 'idb';
import {
  appDb,
  newRev,
  partsFrom,
  storedForm,
  type Connection,
  type DraftPart,
  type TimelineDb,
} from './db';
import {
  DRAFT_FORMAT,
  READABLE_FORMATS,
  type DraftRecord,
  type DraftSummary,
} from './draft-record';

export interface DraftStore {
  list(): Promise<DraftSummary[]>;
  get(id: string): Promise<DraftRecord | undefined>;
  put(record: DraftRecord): Promise<void>;
  /** Gives draft `id` a new title in `lang`, keeping its undo history; false when there is no such draft. */
  rename(id: string, title: string, lang: string): Promise<boolean>;
  /** Copies draft `id` as `newId`, titled with `suffix` added, with a history of its own to undo in. */
  duplicate(id: string, newId: string, suffix: string): Promise<DraftRecord | undefined>;
  /** Deletes draft `id` and returns it as it was, so `put` restores it exactly. */
  take(id: string): Promise<DraftRecord | undefined>;
  /** Lets go of what the store keeps in memory of draft `id` to save it faster, once the draft is closed. */
  forget(id: string): void;
}

/** A title with `suffix` added in every language it is written in. */
export function suffixed(title: LocalizedText, suffix: string): LocalizedText {
  if (typeof title === 'string') return `${title}${suffix}`;
  return Object.fromEntries(
    Object.entries(title).map(([lang, text]) => [lang, `${text}${suffix}`]),
  );
}

const STORES = ['drafts', 'draftSummaries', 'draftParts'] as const;
type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<
  TimelineDb,
  (typeof STORES)[number][],
  Mode
>;

const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[]) =>
  a !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Every write changes a draft, its summary and its parts in one transaction, so the list never shows a draft as it
 * was not. A save skips the parts whose events are the very objects this store last wrote or read, unless another
 * write came in between (the summary's `rev` says so); at 100,000 events, typing in one event copied the whole draft
 * (about a second) on every save. It relies on an edit replacing an event, never changing one in place.
 */
export function draftStore(db: Connection, now: () => number = Date.now): DraftStore {
  // The parts of the draft this store last wrote or read (the open one's, mostly), and the draft itself when it is as
  // stored; `forget` drops them on closing.
  let known:
    { id: string; rev: string; parts: DraftPart['events'][]; draft?: DraftRecord } | undefined;
  // A read in flight, which a second read of the same draft shares; a write started meanwhile ends the sharing.
  let reading: { id: string; draft: Promise<DraftRecord | undefined> } | undefined;
  const writing = async () => {
    reading = undefined;
    return (await db()).transaction(STORES, 'readwrite');
  };

  const read = async (tx: Tx<IDBTransactionMode>, id: string) => {
    const stored = await tx.objectStore('drafts').get(id);
    if (!stored) return undefined;
    const summary = await tx.objectStore('draftSummaries').get(id);
    const { parts: count, ...record } = stored;
    // A part at a time, each asked for when the last has come: the browser makes each part's objects in a task of
    // its own. Read all at once, a draft of 100,000 full-field events was one task of about a second.
    const runs: DraftPart['events'][] = [];
    for (let k = 0; k < count; k++) {
      const part = await tx.objectStore('draftParts').get([id, k]);
      if (part) runs.push(part.events);
    }
    const draft: DraftRecord = {
      ...record,
      doc: { ...record.doc, file: { ...record.doc.file, events: runs.flat() } },
    };
    return { draft, rev: summary?.rev ?? '', runs };
  };

  const save = async (tx: Tx<'readwrite'>, record: DraftRecord, remember: boolean) => {
    const rev = newRev();
    const form = storedForm(record, rev);
    const summaries = tx.objectStore('draftSummaries');
    const partsStore = tx.objectStore('draftParts');
    const stored = (await summaries.get(record.id))?.rev;
    // Read once this transaction runs: a save still in flight when this one began has set it by then.
    const was = known?.id === record.id ? known : undefined;
    const same = was !== undefined && stored === was.rev;
    const changed = form.parts.filter((part, i) => !(same && sameItems(was.parts[i], part.events)));
    // A part at a time, each put made when the last has succeeded, in the same transaction: the browser copies each
    // part in a task of its own. Put all at once, the first save of 100,000 full-field events was one task of 0.8 s.
    const writes = async () => {
      for (const part of changed) await partsStore.put(part);
      await Promise.all([
        partsStore.delete(partsFrom(record.id, form.parts.length)),
        tx.objectStore('drafts').put(form.draft),
        summaries.put(form.summary),
      ]);
    };
    await Promise.all([writes(), tx.done]);
    if (remember)
      known = { id: record.id, rev, parts: form.parts.map((p) => p.events), draft: record };
    else if (was) known = undefined;
  };

  return {
    async list() {
      const all: DraftSummary[] = await (await db()).getAll('draftSummaries');
      return all
        .map(({ id, title, savedAt, events }) => ({ id, title, savedAt, events }))
        .sort((a, b) => b.savedAt - a.savedAt);
    },
    get(id) {
      // The draft as this store last read or wrote it, when no write came since: opening a draft reads it for its view
      // and for its session, and at 100,000 full-field events each read and the check after it took about a second.
      if (reading?.id === id) return reading.draft;
      const draft = (async () => {
        const tx = (await db()).transaction(STORES, 'readonly');
        const rev = (await tx.objectStore('draftSummaries').get(id))?.rev;
        if (known?.id === id && known.draft && known.rev === rev) return known.draft;
        const found = await read(tx, id);
        if (found) known = { id, rev: found.rev, parts: found.runs, draft: found.draft };
        return found?.draft;
      })();
      const shared = { id, draft };
      reading = shared;
      const done = () => {
        if (reading === shared) reading = undefined;
      };
      draft.then(done, done);
      return draft;
    },
    async put(record) {
      await save(await writing(), record, true);
    },
    async rename(id, title, lang) {
      const tx = await writing();
      const [stored, summary] = await Promise.all([
        tx.objectStore('drafts').get(id),
        tx.objectStore('draftSummaries').get(id),
      ]);
      if (!stored || !summary) return false;
      const file = { ...stored.doc.file, title: setText(stored.doc.file.title, lang, title) };
      const renamed = { ...stored, doc: { ...stored.doc, file }, savedAt: now() };
      const rev = newRev();
      await Promise.all([
        tx.objectStore('drafts').put(renamed),
        tx
          .objectStore('draftSummaries')
          .put({ ...summary, title: file.title, savedAt: renamed.savedAt, rev }),
        tx.done,
      ]);
      // Its events are as they were: the parts this store knows of them still hold, the draft as read no longer.
      if (known?.id === id && known.rev === summary.rev)
        known = { ...known, rev, draft: undefined };
      return true;
    },
    async duplicate(id, newId, suffix) {
      const tx = await writing();
      const found = await read(tx, id);
      if (!found) return undefined;
      const { draft } = found;
      const file = { ...draft.doc.file, title: suffixed(draft.doc.file.title, suffix) };
      const copy = { ...draft, id: newId, doc: { ...draft.doc, file }, savedAt: now() };
      await save(tx, copy, false);
      return copy;
    },
    async take(id) {
      const tx = await writing();
      const found = await read(tx, id);
      await Promise.all([
        tx.objectStore('drafts').delete(id),
        tx.objectStore('draftSummaries').delete(id),
        tx.objectStore('draftParts').delete(partsFrom(id)),
        tx.done,
      ]);
      if (known?.id === id) known = undefined;
      return found?.draft;
    },
    forget(id) {
      if (known?.id === id) known = undefined;
    },
  };
}

/** Why a stored draft cannot be opened by this version of the app, or undefined when it can. */
export function unreadableReason(record: DraftRecord): string | undefined {
  if (!READABLE_FORMATS.includes(record.format))
    return `it was saved in draft format ${String(record.format)}, and this version of the app reads drafts up to format ${DRAFT_FORMAT}`;
  const version = record.doc.file.schemaVersion;
  if (version !== SCHEMA_VERSION)
    return `it is written in incident schema ${String(version)}, and this version of the app reads schema ${SCHEMA_VERSION}`;
  return undefined;
}

let shared: DraftStore | undefined;

/** The page's draft store, opened on first use. */
export function appDraftStore(): DraftStore {
  shared ??= draftStore(appDb());
  return shared;
}

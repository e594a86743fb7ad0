// Drafts in the browser database: listed newest first, read, written, deleted. Nothing leaves the browser.
import type { IDBPDatabase } from 'idb';
import { SCHEMA_VERSION } from '../model/format-constants';
import type { LocalizedText } from '../model/incident';
import { setText } from '../model/draft';
import { openTimelineDb, type TimelineDb } from './db';
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
  remove(id: string): Promise<void>;
  /** Gives draft `id` a new title in `lang`, keeping its undo history; undefined when there is no such draft. */
  rename(id: string, title: string, lang: string): Promise<DraftRecord | undefined>;
  /** Copies draft `id` as `newId`, titled with `suffix` added, with a history of its own to undo in. */
  duplicate(id: string, newId: string, suffix: string): Promise<DraftRecord | undefined>;
  /** Deletes draft `id` and returns it as it was, so `put` restores it exactly. */
  take(id: string): Promise<DraftRecord | undefined>;
}

/** A title with `suffix` added in every language it is written in. */
export function suffixed(title: LocalizedText, suffix: string): LocalizedText {
  if (typeof title === 'string') return `${title}${suffix}`;
  return Object.fromEntries(
    Object.entries(title).map(([lang, text]) => [lang, `${text}${suffix}`]),
  );
}

export function draftStore(
  db: Promise<IDBPDatabase<TimelineDb>>,
  now: () => number = Date.now,
): DraftStore {
  return {
    async list() {
      const all = await (await db).getAll('drafts');
      return all
        .map((r) => ({
          id: r.id,
          title: r.doc.file.title,
          savedAt: r.savedAt,
          events: r.doc.file.events.length,
        }))
        .sort((a, b) => b.savedAt - a.savedAt);
    },
    async get(id) {
      return (await db).get('drafts', id);
    },
    async put(record) {
      await (await db).put('drafts', record);
    },
    async remove(id) {
      await (await db).delete('drafts', id);
    },
    async rename(id, title, lang) {
      const tx = (await db).transaction('drafts', 'readwrite');
      const record = await tx.store.get(id);
      if (!record) return undefined;
      const file = { ...record.doc.file, title: setText(record.doc.file.title, lang, title) };
      const renamed = { ...record, doc: { ...record.doc, file }, savedAt: now() };
      await tx.store.put(renamed);
      await tx.done;
      return renamed;
    },
    async duplicate(id, newId, suffix) {
      const tx = (await db).transaction('drafts', 'readwrite');
      const record = await tx.store.get(id);
      if (!record) return undefined;
      const file = { ...record.doc.file, title: suffixed(record.doc.file.title, suffix) };
      const copy = { ...record, id: newId, doc: { ...record.doc, file }, savedAt: now() };
      await tx.store.put(copy);
      await tx.done;
      return copy;
    },
    async take(id) {
      const tx = (await db).transaction('drafts', 'readwrite');
      const record = await tx.store.get(id);
      if (record) await tx.store.delete(id);
      await tx.done;
      return record;
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
  shared ??= draftStore(openTimelineDb());
  return shared;
}

// Drafts in the browser database: listed newest first, read, written, deleted. Nothing leaves the browser.
import type { IDBPDatabase } from 'idb';
import { SCHEMA_VERSION } from '../model/incident';
import { openTimelineDb, type TimelineDb } from './db';
import { DRAFT_FORMAT, type DraftRecord, type DraftSummary } from './draft-record';

export interface DraftStore {
  list(): Promise<DraftSummary[]>;
  get(id: string): Promise<DraftRecord | undefined>;
  put(record: DraftRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

export function draftStore(db: Promise<IDBPDatabase<TimelineDb>>): DraftStore {
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
  };
}

/** Why a stored draft cannot be opened by this version of the app, or undefined when it can. */
export function unreadableReason(record: DraftRecord): string | undefined {
  if (record.format !== DRAFT_FORMAT)
    return `it was saved in draft format ${String(record.format)}, and this version of the app reads format ${DRAFT_FORMAT}`;
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

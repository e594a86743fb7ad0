// Drafts in the browser database: listed newest first, read, written, deleted. Nothing leaves the browser.
import { SCHEMA_VERSION } from '../model/format-constants';
import type { LocalizedText } from '../model/incident';
import { setText } from '../model/draft';
import { appDb, summaryOf, type Connection } from './db';
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

/** Every write changes a draft and its summary in one transaction, so the list never shows a draft as it was not. */
export function draftStore(db: Connection, now: () => number = Date.now): DraftStore {
  const writing = async () => (await db()).transaction(['drafts', 'draftSummaries'], 'readwrite');
  const save = (tx: Awaited<ReturnType<typeof writing>>, record: DraftRecord) =>
    Promise.all([
      tx.objectStore('drafts').put(record),
      tx.objectStore('draftSummaries').put(summaryOf(record)),
      tx.done,
    ]);
  /** Reads draft `id` and writes what `change` makes of it (under its own id), in one transaction. */
  const update = async (id: string, change: (record: DraftRecord) => DraftRecord) => {
    const tx = await writing();
    const record = await tx.objectStore('drafts').get(id);
    if (!record) return undefined;
    const changed = change(record);
    await save(tx, changed);
    return changed;
  };
  return {
    async list() {
      const all = await (await db()).getAll('draftSummaries');
      return all.sort((a, b) => b.savedAt - a.savedAt);
    },
    async get(id) {
      return (await db()).get('drafts', id);
    },
    async put(record) {
      await save(await writing(), record);
    },
    rename: (id, title, lang) =>
      update(id, (record) => {
        const file = { ...record.doc.file, title: setText(record.doc.file.title, lang, title) };
        return { ...record, doc: { ...record.doc, file }, savedAt: now() };
      }),
    duplicate: (id, newId, suffix) =>
      update(id, (record) => {
        const file = { ...record.doc.file, title: suffixed(record.doc.file.title, suffix) };
        return { ...record, id: newId, doc: { ...record.doc, file }, savedAt: now() };
      }),
    async take(id) {
      const tx = await writing();
      const record = await tx.objectStore('drafts').get(id);
      await Promise.all([
        tx.objectStore('drafts').delete(id),
        tx.objectStore('draftSummaries').delete(id),
        tx.done,
      ]);
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
  shared ??= draftStore(appDb());
  return shared;
}

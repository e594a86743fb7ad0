// The app's one browser database (IndexedDB through idb): versioned object stores, each added by an upgrade step.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Session, StepNote } from '../model/tabletop';
import type { DraftRecord, DraftSummary } from './draft-record';

type DraftEvent = DraftRecord['doc']['file']['events'][number];

/** A draft as stored: its events are kept apart, in `parts` parts of `PART_SIZE` (`doc.file.events` is empty). */
export interface StoredDraft extends DraftRecord {
  parts: number;
}

/** A run of a draft's events, so that a save writes only the runs its change touched. */
export interface DraftPart {
  draft: string;
  part: number;
  events: DraftEvent[];
}

/** `rev` changes with every write of the draft, so a tab knows whether the parts it last wrote are still stored. */
export interface StoredSummary extends DraftSummary {
  rev: string;
}

export interface NoteRecord extends StepNote {
  incidentId: string;
  sessionId: string;
  step: string;
}

export interface TimelineDb extends DBSchema {
  sessions: { key: string; value: Session; indexes: { byIncident: string } };
  notes: {
    key: [string, string, string];
    value: NoteRecord;
    indexes: { bySession: [string, string] };
  };
  drafts: { key: string; value: StoredDraft };
  /** What the drafts list shows of each draft, written in the same transaction as the draft. */
  draftSummaries: { key: string; value: StoredSummary };
  draftParts: { key: [string, number]; value: DraftPart };
}

export const DB_NAME = 'incident-timeline';
/** Raise with a new `upgrade` step for each store added. */
export const DB_VERSION = 3;

/** The open database, or a `DatabaseUnavailable` saying why this tab cannot use it. */
export type Connection = () => Promise<IDBPDatabase<TimelineDb>>;

export const SUPERSEDED =
  'A newer version of Incident Timeline opened this browser’s database in another tab: reload this page.';
export const BLOCKED =
  'A tab running an older version of Incident Timeline holds this browser’s database: close or reload it, then reload this page.';

/** `newer`: a newer version of the app has the database; `older`: an older version's tab holds up its upgrade. */
export class DatabaseUnavailable extends Error {
  override name = 'DatabaseUnavailable';
  constructor(readonly why: 'newer' | 'older') {
    super(why === 'newer' ? SUPERSEDED : BLOCKED);
  }
}

/** How long an open may wait, with no upgrade running and no word from the browser, before it names the reason. */
const QUEUED_MS = 3000;

/** A name for one write of a draft, unique enough across tabs; `crypto.randomUUID` needs a secure context. */
export const newRev = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Events to a part: a change to one event writes about 1 MB of full-field events, not the whole draft. */
export const PART_SIZE = 1000;

/** `record` as the three stores keep it; `rev` names this write. */
export function storedForm(record: DraftRecord, rev: string) {
  const { events } = record.doc.file;
  const parts: DraftPart[] = [];
  for (let at = 0; at < events.length; at += PART_SIZE)
    parts.push({ draft: record.id, part: parts.length, events: events.slice(at, at + PART_SIZE) });
  const draft: StoredDraft = {
    ...record,
    doc: { ...record.doc, file: { ...record.doc.file, events: [] } },
    parts: parts.length,
  };
  const summary: StoredSummary = {
    id: record.id,
    title: record.doc.file.title,
    savedAt: record.savedAt,
    events: events.length,
    rev,
  };
  return { draft, summary, parts };
}

/** The keys of draft `id`'s parts from `from` on. */
export const partsFrom = (id: string, from = 0) => IDBKeyRange.bound([id, from], [id, Infinity]);

/**
 * Opens the database once. A newer version opening it in another tab closes this tab's connection, so that its
 * upgrade is never held up (the versions before 3 did not, and keep such an upgrade waiting until they close);
 * while this tab waits for such an older tab, or after it gave way to a newer one, each use fails with the reason.
 */
export function openTimelineDb(name = DB_NAME, queuedMs = QUEUED_MS): Connection {
  let state: 'opening' | 'open' | 'superseded' = 'opening';
  let block!: (reason: Error) => void;
  const blocked = new Promise<never>((_, reject) => (block = reject));
  blocked.catch(() => undefined);
  // A tab of this version opened after another one that waits for an older tab is queued behind it, and hears
  // neither `blocked` nor success: after a while it gives the same reason.
  const queued = setTimeout(() => block(new DatabaseUnavailable('older')), queuedMs);
  const opening = openDB<TimelineDb>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // Splitting large drafts may take seconds: this tab is not queued.
      clearTimeout(queued);
      if (oldVersion < 1) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byIncident', 'incidentId');
        db.createObjectStore('notes', {
          keyPath: ['incidentId', 'sessionId', 'step'],
        }).createIndex('bySession', ['incidentId', 'sessionId']);
      }
      if (oldVersion < 2) db.createObjectStore('drafts', { keyPath: 'id' });
      if (oldVersion < 3) {
        // Drafts were stored whole: the list read them all, and each save copied every event. They are split here.
        const summaries = db.createObjectStore('draftSummaries', { keyPath: 'id' });
        const parts = db.createObjectStore('draftParts', { keyPath: ['draft', 'part'] });
        // idb does not abort an upgrade whose callback throws: a draft left whole after a throw is aborted instead.
        try {
          for (let c = await tx.objectStore('drafts').openCursor(); c; c = await c.continue()) {
            const form = storedForm(c.value, newRev());
            await Promise.all([
              c.update(form.draft),
              summaries.put(form.summary),
              ...form.parts.map((part) => parts.put(part)),
            ]);
          }
        } catch (error) {
          tx.abort();
          throw error;
        }
      }
    },
    blocked() {
      block(new DatabaseUnavailable('older'));
    },
    blocking(_current, _blocked, event) {
      state = 'superseded';
      (event.target as IDBDatabase).close();
    },
  }).then(
    (db) => {
      if (state === 'opening') state = 'open';
      return db;
    },
    (error: unknown) => {
      // The database is of a newer version than this code: a newer version of the app has upgraded it.
      throw error instanceof DOMException && error.name === 'VersionError'
        ? new DatabaseUnavailable('newer')
        : error;
    },
  );
  opening.catch(() => undefined);
  void opening.finally(() => clearTimeout(queued)).catch(() => undefined);
  return () => {
    if (state === 'superseded') return Promise.reject(new DatabaseUnavailable('newer'));
    return state === 'open' ? opening : Promise.race([opening, blocked]);
  };
}

let shared: Connection | undefined;

/** The page's one connection, opened on first use and shared by every store. */
export function appDb(): Connection {
  shared ??= openTimelineDb();
  return shared;
}

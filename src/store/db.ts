// The app's one browser database (IndexedDB through idb): versioned object stores, each added by an upgrade step.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Session, StepNote } from '../model/tabletop';
import type { DraftRecord, DraftSummary } from './draft-record';

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
  drafts: { key: string; value: DraftRecord };
  /** What the drafts list shows of each draft, written in the same transaction as the draft. */
  draftSummaries: { key: string; value: DraftSummary };
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

export function summaryOf(record: DraftRecord): DraftSummary {
  return {
    id: record.id,
    title: record.doc.file.title,
    savedAt: record.savedAt,
    events: record.doc.file.events.length,
  };
}

/**
 * Opens the database once. A newer version opening it in another tab closes this tab's connection, so that its
 * upgrade is never held up (the versions before 3 did not, and keep such an upgrade waiting until they close);
 * while this tab waits for such an older tab, or after it gave way to a newer one, each use fails with the reason.
 */
export function openTimelineDb(name = DB_NAME): Connection {
  let state: 'opening' | 'open' | 'superseded' = 'opening';
  let block!: (reason: Error) => void;
  const blocked = new Promise<never>((_, reject) => (block = reject));
  blocked.catch(() => undefined);
  const opening = openDB<TimelineDb>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byIncident', 'incidentId');
        db.createObjectStore('notes', {
          keyPath: ['incidentId', 'sessionId', 'step'],
        }).createIndex('bySession', ['incidentId', 'sessionId']);
      }
      if (oldVersion < 2) db.createObjectStore('drafts', { keyPath: 'id' });
      if (oldVersion < 3) {
        // The drafts list read every draft whole (100 MB for a draft of 100,000 events); it reads these instead.
        const summaries = db.createObjectStore('draftSummaries', { keyPath: 'id' });
        for (let c = await tx.objectStore('drafts').openCursor(); c; c = await c.continue())
          await summaries.put(summaryOf(c.value));
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

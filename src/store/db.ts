// The app's one browser database (IndexedDB through idb): versioned object stores, so drafts can join it later.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Session, StepNote } from '../model/tabletop';

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
}

export const DB_NAME = 'incident-timeline';
/** Raise with a new `upgrade` step for each store added (drafts, when editing lands). */
export const DB_VERSION = 1;

export function openTimelineDb(name = DB_NAME): Promise<IDBPDatabase<TimelineDb>> {
  return openDB<TimelineDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byIncident', 'incidentId');
        db.createObjectStore('notes', {
          keyPath: ['incidentId', 'sessionId', 'step'],
        }).createIndex('bySession', ['incidentId', 'sessionId']);
      }
    },
  });
}

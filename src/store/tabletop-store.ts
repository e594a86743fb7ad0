// Tabletop sessions and their notes in the browser database, keyed by incident and session.
import type { Session, StepNote } from '../model/tabletop';
import { appDb, type Connection } from './db';

export interface TabletopStore {
  sessions(incidentId: string): Promise<Session[]>;
  session(id: string): Promise<Session | undefined>;
  saveSession(session: Session): Promise<void>;
  notes(incidentId: string, sessionId: string): Promise<Record<string, StepNote>>;
  saveNote(incidentId: string, sessionId: string, step: string, note: StepNote): Promise<void>;
}

export function tabletopStore(db: Connection): TabletopStore {
  return {
    async sessions(incidentId) {
      const all = await (await db()).getAllFromIndex('sessions', 'byIncident', incidentId);
      return all.sort((a, b) => b.startedAt - a.startedAt);
    },
    async session(id) {
      return (await db()).get('sessions', id);
    },
    async saveSession(session) {
      await (await db()).put('sessions', session);
    },
    async notes(incidentId, sessionId) {
      const rows = await (
        await db()
      ).getAllFromIndex('notes', 'bySession', [incidentId, sessionId]);
      return Object.fromEntries(
        rows.map((r) => [
          r.step,
          { text: r.text, tags: r.tags, spentMs: r.spentMs, countedTo: r.countedTo },
        ]),
      );
    },
    async saveNote(incidentId, sessionId, step, note) {
      await (await db()).put('notes', { incidentId, sessionId, step, ...note });
    },
  };
}

let shared: TabletopStore | undefined;

/** The page's store, opened on first use. */
export function appTabletopStore(): TabletopStore {
  shared ??= tabletopStore(appDb());
  return shared;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { v4 as uuidv4 } from 'uuid';
import { DEFAULT_TARGET_MINUTES, EMPTY_NOTE, type Session, type StepNote } from '../model/tabletop';
import { DatabaseUnavailable } from '../store/db';
import { appTabletopStore } from '../store/tabletop-store';

/** `newer` / `older`: another version of the app has the browser's database (src/store/db.ts). */
export type SaveStatus = 'saved' | 'saving' | 'failed' | DatabaseUnavailable['why'];
const failing = (st: SaveStatus) => st !== 'saved' && st !== 'saving';

/** Typing is saved this long after the last key, well under a second. */
const SAVE_DELAY = 300;

const currentKey = (incidentId: string) => `incident-timeline:tabletop-session:${incidentId}`;

function rememberCurrent(incidentId: string, id: string) {
  try {
    localStorage.setItem(currentKey(incidentId), id);
  } catch {
    // Blocked storage only costs resuming after a reload; the notes are in IndexedDB.
  }
}

function rememberedCurrent(incidentId: string): string | null {
  try {
    return localStorage.getItem(currentKey(incidentId));
  } catch {
    return null;
  }
}

const newSession = (incidentId: string, now = Date.now()): Session => ({
  id: uuidv4(),
  incidentId,
  startedAt: now,
  elapsedMs: 0,
  runningSince: now,
  targetMinutes: DEFAULT_TARGET_MINUTES,
});

/**
 * The facilitator's exercise session of an incident, kept in the browser database: the last one is resumed after a
 * reload, notes are saved as they are typed, and a new session can be started or an earlier one resumed.
 */
export function useTabletopSession(incidentId: string) {
  const store = appTabletopStore();
  const [session, setSessionState] = useState<Session>();
  const [sessions, setSessions] = useState<Session[]>([]);
  const [notes, setNotes] = useState<Record<string, StepNote>>({});
  const [status, setStatus] = useState<SaveStatus>('saved');
  const pending = useRef(new Map<string, StepNote>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sessionRef = useRef<Session>(undefined);
  // Changes apply here at once, so a closing window can save a change it has just made.
  const notesRef = useRef<Record<string, StepNote>>({});

  const fail = useCallback(
    (error: unknown) => setStatus(error instanceof DatabaseUnavailable ? error.why : 'failed'),
    [],
  );

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const s = sessionRef.current;
    if (!s || pending.current.size === 0) return;
    const rows = [...pending.current];
    pending.current.clear();
    Promise.all(rows.map(([step, note]) => store.saveNote(incidentId, s.id, step, note))).then(
      () => setStatus((st) => (failing(st) ? st : 'saved')),
      fail,
    );
  }, [store, incidentId, fail]);

  const open = useCallback(
    async (s: Session) => {
      let loaded: Record<string, StepNote> = {};
      try {
        loaded = await store.notes(incidentId, s.id);
      } catch (error) {
        fail(error);
      }
      // The session and its notes arrive together: the step clock starts from the notes it finds.
      flush();
      sessionRef.current = s;
      setSessionState(s);
      notesRef.current = loaded;
      setNotes(loaded);
      rememberCurrent(incidentId, s.id);
      try {
        setSessions(await store.sessions(incidentId));
      } catch (error) {
        fail(error);
      }
    },
    [flush, incidentId, store, fail],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      const id = rememberedCurrent(incidentId);
      let s: Session | undefined;
      try {
        s = id ? await store.session(id) : undefined;
        if (!s) {
          s = newSession(incidentId);
          await store.saveSession(s);
        }
      } catch (error) {
        s ??= newSession(incidentId);
        fail(error);
      }
      if (live) await open(s);
    })();
    return () => {
      live = false;
    };
  }, [incidentId, store, open, fail]);

  // A closing or reloading window saves what is still waiting.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const updateNote = useCallback(
    (step: string, change: (n: StepNote) => StepNote, quiet = false) => {
      const next = change(notesRef.current[step] ?? EMPTY_NOTE);
      pending.current.set(step, next);
      notesRef.current = { ...notesRef.current, [step]: next };
      setNotes(notesRef.current);
      if (!quiet) setStatus((st) => (failing(st) ? st : 'saving'));
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY);
    },
    [flush],
  );

  const saveSession = useCallback(
    (change: (s: Session) => Session) => {
      const s = sessionRef.current;
      if (!s) return;
      const next = change(s);
      sessionRef.current = next;
      setSessionState(next);
      store.saveSession(next).catch(fail);
    },
    [store, fail],
  );

  const startNew = useCallback(async () => {
    const s = newSession(incidentId);
    try {
      await store.saveSession(s);
    } catch (error) {
      fail(error);
    }
    await open(s);
  }, [incidentId, store, open, fail]);

  const resume = useCallback(
    async (id: string) => {
      const s = sessions.find((x) => x.id === id);
      if (s) await open(s);
    },
    [sessions, open],
  );

  /** The notes with every change made so far, for an effect that must not wait for the next render. */
  const currentNotes = useCallback(() => notesRef.current, []);

  return {
    session,
    sessions,
    notes,
    currentNotes,
    status,
    updateNote,
    flush,
    saveSession,
    startNew,
    resume,
  };
}

export type TabletopSession = ReturnType<typeof useTabletopSession>;

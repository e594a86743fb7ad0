// The drafts list's operations: rename, duplicate, delete and restore, without losing another tab's edits.
import { setText } from '../model/draft';
import type { DraftRecord } from './draft-record';
import { dropRescue, lockName, type DraftSession, type SessionOptions } from './draft-session';
import type { DraftStore } from './draft-store';

/** Why an operation was not done: another tab edits the draft, or it is no longer stored. */
export type Refusal = 'elsewhere' | 'gone';
export type Outcome<T> = { ok: true; value: T } | { ok: false; why: Refusal };

export interface AdminDeps {
  store: DraftStore;
  locks?: SessionOptions['locks'];
  channel?: SessionOptions['channel'];
  /** This tab's open draft, if any: changed through its session, so its undo and its next save agree. */
  open: () => DraftSession | undefined;
  /** Ends this tab's session on a draft being deleted, so it writes nothing back. */
  closeOpen: () => void;
  /** Where sessions keep their rescue copies, which go with their draft. */
  rescue?: SessionOptions['rescue'];
}

export interface DraftAdmin {
  rename(id: string, title: string, lang: string): Promise<Outcome<undefined>>;
  /** Returns the copy's id. */
  duplicate(id: string, newId: string, suffix: string): Promise<Outcome<string>>;
  /** Returns the deleted record, which `restore` puts back exactly; `leave` runs first when the draft is this tab's. */
  remove(id: string, leave?: () => void): Promise<Outcome<DraftRecord>>;
  restore(record: DraftRecord): Promise<void>;
}

export function draftAdmin({
  store,
  locks,
  channel,
  open,
  closeOpen,
  rescue,
}: AdminDeps): DraftAdmin {
  // A tab that shows the draft holds its lock; taking it here means no tab has the draft open.
  const whileClosed = <T>(id: string, work: () => Promise<T | undefined>): Promise<Outcome<T>> => {
    const run = async (): Promise<Outcome<T>> => {
      const value = await work();
      return value === undefined ? { ok: false, why: 'gone' } : { ok: true, value };
    };
    if (!locks) return run();
    return locks.request(lockName(id), { ifAvailable: true }, (lock) =>
      lock ? run() : { ok: false, why: 'elsewhere' as const },
    ) as Promise<Outcome<T>>;
  };
  // Tabs that only read the draft reload it, and find it renamed or gone.
  const tell = (id: string) => {
    const c = channel?.(lockName(id));
    c?.postMessage({ changed: id });
    c?.close();
  };
  const ours = (id: string) => {
    const s = open();
    return s?.id === id ? s : undefined;
  };

  return {
    async rename(id, title, lang) {
      const s = ours(id);
      if (s) {
        const doc = s.snapshot().doc;
        if (!s.writable || !doc) return { ok: false, why: 'elsewhere' };
        s.change({ ...doc, file: { ...doc.file, title: setText(doc.file.title, lang, title) } });
        await s.flush();
        return { ok: true, value: undefined };
      }
      const done = await whileClosed(
        id,
        async () => (await store.rename(id, title, lang)) || undefined,
      );
      if (done.ok) tell(id);
      return done.ok ? { ok: true, value: undefined } : done;
    },
    async duplicate(id, newId, suffix) {
      // The copy has what this tab shows, saved first; another tab's draft is copied as it last saved it.
      await ours(id)?.flush();
      const copy = await store.duplicate(id, newId, suffix);
      return copy ? { ok: true, value: copy.id } : { ok: false, why: 'gone' };
    },
    async remove(id, leave) {
      const s = ours(id);
      if (s) {
        if (!s.writable) return { ok: false, why: 'elsewhere' };
        await s.flush();
        leave?.();
        closeOpen();
        const taken = await store.take(id);
        // A copy left behind would bring the deleted edits back over a restored or re-imported draft.
        dropRescue(rescue, id);
        return taken ? { ok: true, value: taken } : { ok: false, why: 'gone' };
      }
      const done = await whileClosed(id, () => store.take(id));
      if (done.ok) {
        dropRescue(rescue, id);
        tell(id);
      }
      return done;
    },
    async restore(record) {
      await store.put(record);
      tell(record.id);
    },
  };
}

// One open draft: the copy in memory, saved to the browser database shortly after each change, with undo and a
// lock so that only one tab writes it.
import type { DraftDoc } from '../model/draft';
import { EMPTY_HISTORY, record, redo, undo, type History } from '../model/draft-history';
import { DatabaseUnavailable } from './db';
import { DRAFT_FORMAT, type DraftRecord } from './draft-record';
import { unreadableReason, type DraftStore } from './draft-store';

export type SaveStatus =
  | { kind: 'loading' }
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  /** The browser refused to store it: the draft is kept in this tab only. */
  | { kind: 'failed'; reason: string }
  /** Another version of the app has the database (db.ts): kept in this tab until the page is reloaded. */
  | { kind: 'unavailable'; why: DatabaseUnavailable['why'] }
  /** Another tab holds the draft (`taken`: it took it over from this one); this tab only reads it. */
  | { kind: 'read-only'; taken: boolean }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

export interface SessionState {
  doc?: DraftDoc;
  history: History;
  status: SaveStatus;
  /** The last change was typing in a field (a keyed change), which the chart may wait out. */
  typing?: boolean;
}

export interface SessionOptions {
  /** How long a change waits for the next before it is written: well under the second the status promises. */
  delayMs?: number;
  locks?: Pick<LockManager, 'request'>;
  channel?: (name: string) => Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener'>;
  now?: () => number;
  /** Where `rescue` writes synchronously what is not saved yet (the page's localStorage). */
  rescue?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * The key of a draft's rescue copy: its unsaved state, written synchronously as the page goes away. It names the
 * draft format, so that a version of the app that reads only format 1, which looks for the key without it, never
 * finds a copy whose history it would misread.
 */
export const rescueKey = (id: string) => `incident-timeline:draft-rescue:${DRAFT_FORMAT}:${id}`;

/** Where versions that saved drafts in format 1 kept the copy: still read, and dropped with the draft's. */
export const formerRescueKey = (id: string) => `incident-timeline:draft-rescue:${id}`;

/** Drops a draft's rescue copies, of this format and the former. */
export function dropRescue(store: Pick<Storage, 'removeItem'> | undefined, id: string): void {
  store?.removeItem(rescueKey(id));
  store?.removeItem(formerRescueKey(id));
}

export const lockName = (id: string) => `incident-timeline:draft:${id}`;

const reasonOf = (error: unknown) =>
  error instanceof DOMException || error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error);

const notSaved = (error: unknown): SaveStatus =>
  error instanceof DatabaseUnavailable
    ? { kind: 'unavailable', why: error.why }
    : { kind: 'failed', reason: reasonOf(error) };

export class DraftSession {
  private state: SessionState = { history: EMPTY_HISTORY, status: { kind: 'loading' } };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private release: (() => void) | undefined;
  private closed = false;
  private readonly delayMs: number;
  private readonly locks: SessionOptions['locks'];
  private readonly channel: ReturnType<NonNullable<SessionOptions['channel']>> | undefined;
  private readonly now: () => number;
  private readonly rescueStore: SessionOptions['rescue'];

  constructor(
    readonly id: string,
    private readonly store: DraftStore,
    options: SessionOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 300;
    this.locks = options.locks;
    this.now = options.now ?? Date.now;
    this.rescueStore = options.rescue;
    this.channel = options.channel?.(lockName(id));
    // A tab that only reads shows each save the writing tab makes.
    this.channel?.addEventListener('message', () => {
      if (!this.dirty) void this.reload();
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.state;

  private set(state: Partial<SessionState>) {
    this.state = { ...this.state, ...state };
    this.listeners.forEach((l) => l());
  }

  get writable() {
    const k = this.state.status.kind;
    return k === 'saved' || k === 'pending' || k === 'failed' || k === 'unavailable';
  }

  /** Opens the draft: `created` is written first (a new draft), else it is read from the store. */
  async open(created?: DraftRecord): Promise<void> {
    const held = await this.acquire(false);
    if (this.closed) return;
    if (created) {
      this.set({ doc: created.doc, history: created.history, status: { kind: 'pending' } });
      this.dirty = true;
      await this.flush();
      if (!held) this.set({ status: { kind: 'read-only', taken: false } });
      return;
    }
    await this.reload();
    if (!held && this.state.doc) this.set({ status: { kind: 'read-only', taken: false } });
  }

  private async reload() {
    let saved: DraftRecord | undefined;
    try {
      saved = await this.store.get(this.id);
    } catch (error) {
      if (!this.state.doc) this.set({ status: notSaved(error) });
      return;
    }
    if (!saved) {
      // The draft was deleted: its rescue copy goes too, never to come back as the draft.
      dropRescue(this.rescueStore, this.id);
      return this.set({ status: { kind: 'missing' } });
    }
    const why = unreadableReason(saved);
    if (why) return this.set({ status: { kind: 'unreadable', reason: why } });
    const rescued = this.state.status.kind === 'read-only' ? undefined : this.rescued(saved);
    if (rescued) {
      this.set({ doc: rescued.doc, history: rescued.history, status: { kind: 'pending' } });
      this.dirty = true;
      return this.flush();
    }
    const status: SaveStatus =
      this.state.status.kind === 'read-only'
        ? this.state.status
        : { kind: 'saved', at: saved.savedAt };
    this.set({ doc: saved.doc, history: saved.history, status, typing: false });
  }

  /**
   * Writes the unsaved state where a reload finds it at once: the database's write, started as the page goes away,
   * may not finish before it is gone (a reload 100 ms after a keystroke lost it). Too large for the storage, the
   * content is kept without its undo history; failing that, only the database's write is left.
   */
  rescue() {
    const { doc, history } = this.state;
    // Pending: changed since the last save, or being written (a write in flight is not saved yet).
    const unsaved = this.dirty || this.state.status.kind === 'pending';
    if (!this.rescueStore || !unsaved || !doc || !this.writable) return;
    const key = rescueKey(this.id);
    for (const kept of [history, EMPTY_HISTORY])
      try {
        this.rescueStore.setItem(key, JSON.stringify({ doc, history: kept, savedAt: this.now() }));
        return;
      } catch {
        // Over the storage's quota: try again without the history.
      }
  }

  /** The rescue copy written after `saved`, if it is readable; a stale or broken one is dropped. */
  private rescued(saved: DraftRecord): DraftRecord | undefined {
    const copies = [
      { key: rescueKey(this.id), format: DRAFT_FORMAT },
      { key: formerRescueKey(this.id), format: 1 },
    ];
    for (const { key, format } of copies) {
      const text = this.rescueStore?.getItem(key);
      if (!text) continue;
      try {
        const copy = JSON.parse(text) as Pick<DraftRecord, 'doc' | 'history' | 'savedAt'>;
        const record: DraftRecord = { ...copy, id: this.id, format };
        // The same millisecond as the save is newer too: a copy is written only while a change is unsaved.
        if (copy.savedAt >= saved.savedAt && !unreadableReason(record)) return record;
      } catch {
        // Not JSON: dropped below.
      }
      this.rescueStore!.removeItem(key);
    }
    return undefined;
  }

  /** Takes the lock; with `steal`, from the tab that holds it. True when this tab may write. */
  private acquire(steal: boolean): Promise<boolean> {
    if (!this.locks) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      this.locks!.request(
        lockName(this.id),
        steal ? { steal: true } : { ifAvailable: true },
        (lock) => {
          resolve(lock !== null);
          if (lock === null) return undefined;
          return new Promise<void>((done) => (this.release = done));
        },
      ).catch(() => {
        // Another tab took the draft over: what this tab changed is written first, then it only reads.
        this.release = undefined;
        void this.flush().then(() => this.set({ status: { kind: 'read-only', taken: true } }));
      });
    });
  }

  /** Makes this tab the one that writes the draft; the other tab becomes read-only. */
  async takeOver(): Promise<void> {
    await this.acquire(true);
    this.set({ status: { kind: 'saved', at: this.now() } });
    await this.reload();
  }

  /** Replaces the draft with `next` (undoable; changes with the same `key` in a row undo as one). */
  change(next: DraftDoc, key?: string) {
    const doc = this.state.doc;
    if (!doc || !this.writable) return;
    this.commit(next, record(this.state.history, doc, next, key), key !== undefined);
  }

  undo() {
    if (this.state.doc && this.writable) {
      const r = undo(this.state.history, this.state.doc);
      this.commit(r.doc, r.history);
    }
  }

  redo() {
    if (this.state.doc && this.writable) {
      const r = redo(this.state.history, this.state.doc);
      this.commit(r.doc, r.history);
    }
  }

  private commit(doc: DraftDoc, history: History, typing = false) {
    if (doc === this.state.doc) return;
    this.dirty = true;
    const kind = this.state.status.kind;
    const status: SaveStatus =
      kind === 'failed' || kind === 'unavailable' ? this.state.status : { kind: 'pending' };
    this.set({ doc, history, status, typing });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes any unsaved change now (on leaving the page, or before another tab takes over). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const { doc, history } = this.state;
    if (!this.dirty || !doc) return;
    const savedAt = this.now();
    try {
      this.dirty = false;
      await this.store.put({ id: this.id, format: DRAFT_FORMAT, doc, history, savedAt });
      if (!this.dirty) dropRescue(this.rescueStore, this.id);
      // A change made while writing is written by its own timer; only an unchanged draft reads "Saved".
      if (this.state.doc === doc && !this.dirty)
        this.set({ status: { kind: 'saved', at: savedAt } });
      this.channel?.postMessage({ saved: savedAt });
    } catch (error) {
      this.dirty = true;
      this.set({ status: notSaved(error) });
    }
  }

  close() {
    this.closed = true;
    void this.flush().finally(() => this.store.forget(this.id));
    this.release?.();
    this.channel?.close();
  }
}

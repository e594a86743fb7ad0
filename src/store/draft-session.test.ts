import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { addEvent, newIncident, type DraftDoc } from '../model/draft';
import { EMPTY_HISTORY } from '../model/draft-history';
import { openTimelineDb } from './db';
import { DRAFT_FORMAT, type DraftRecord } from './draft-record';
import { DraftSession, formerRescueKey, rescueKey } from './draft-session';
import { draftStore, type DraftStore } from './draft-store';

let n = 0;
const freshStore = () => draftStore(openTimelineDb(`drafts-${++n}`));
const words = {
  lang: 'en',
  title: 'Untitled',
  summary: 'S',
  source: 'Notes',
  phase: 'P',
  system: 'S',
  actor: 'A',
  action: 'O',
};
const created = (id = 'd1'): DraftRecord => ({
  id,
  format: DRAFT_FORMAT,
  doc: { file: newIncident('untitled', words), added: [] },
  history: EMPTY_HISTORY,
  savedAt: 0,
});
const add = (doc: DraftDoc, title: string) =>
  addEvent(doc, { title, lang: 'en', startMs: Date.UTC(2024, 0, 1) }).doc;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('draft session', () => {
  it('saves a change within the delay, and a reopened draft has it and its undo', async () => {
    const store = freshStore();
    const a = new DraftSession('d1', store, { delayMs: 20 });
    await a.open(created());
    expect(a.snapshot().status.kind).toBe('saved');
    a.change(add(a.snapshot().doc!, 'Alert'));
    expect(a.snapshot().status.kind).toBe('pending');
    await wait(100);
    expect(a.snapshot().status.kind).toBe('saved');
    a.close();

    const b = new DraftSession('d1', store);
    await b.open();
    expect(b.snapshot().doc!.file.events.map((e) => e.id)).toEqual(['alert']);
    b.undo();
    expect(b.snapshot().doc!.file.events).toEqual([]);
    b.redo();
    expect(b.snapshot().doc!.file.events.map((e) => e.id)).toEqual(['alert']);
  });

  it('marks typing in a field, which the chart waits out, apart from adding, undoing and redoing', async () => {
    const a = new DraftSession('d1', freshStore(), { delayMs: 60_000 });
    await a.open(created());
    const doc = a.snapshot().doc!;
    a.change({ ...doc, file: { ...doc.file, title: { en: 'Alert' } } }, 'title');
    expect(a.snapshot().typing).toBe(true);
    a.change(add(a.snapshot().doc!, 'Alert'));
    expect(a.snapshot().typing).toBe(false);
    a.change({ ...doc, file: { ...doc.file, title: { en: 'Alerts' } } }, 'title');
    a.undo();
    expect(a.snapshot().typing).toBe(false);
    a.redo();
    expect(a.snapshot().typing).toBe(false);
    a.change({ ...doc, file: { ...doc.file, title: { en: 'Alarm' } } }, 'title');
    expect(a.snapshot().typing).toBe(true);
    a.close();
  });

  it('flush writes at once, without waiting for the delay', async () => {
    const store = freshStore();
    const a = new DraftSession('d1', store, { delayMs: 60_000 });
    await a.open(created());
    a.change(add(a.snapshot().doc!, 'Alert'));
    await a.flush();
    expect((await store.get('d1'))!.doc.file.events).toHaveLength(1);
  });

  it('a refused write says why and keeps the draft in memory, and the next write retries', async () => {
    const store = freshStore();
    let refuse = true;
    const flaky: DraftStore = {
      ...store,
      put: (r) =>
        refuse
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : store.put(r),
    };
    const a = new DraftSession('d1', flaky, { delayMs: 10 });
    await a.open(created());
    expect(a.snapshot().status).toEqual({
      kind: 'failed',
      reason: 'QuotaExceededError: The quota has been exceeded.',
    });
    a.change(add(a.snapshot().doc!, 'Alert'));
    await wait(50);
    expect(a.snapshot().doc!.file.events).toHaveLength(1);
    expect(a.snapshot().status.kind).toBe('failed');
    refuse = false;
    a.change(add(a.snapshot().doc!, 'Second'));
    await wait(50);
    expect(a.snapshot().status.kind).toBe('saved');
    expect((await store.get('d1'))!.doc.file.events).toHaveLength(2);
  });

  it('once a newer version of the app has the database, a change says so, stays editable and is rescued on leaving', async () => {
    const name = `drafts-${++n}`;
    const rescue = new Map<string, string>();
    const storage = {
      getItem: (k: string) => rescue.get(k) ?? null,
      setItem: (k: string, v: string) => void rescue.set(k, v),
      removeItem: (k: string) => void rescue.delete(k),
    };
    const a = new DraftSession('d1', draftStore(openTimelineDb(name)), {
      delayMs: 10,
      rescue: storage,
    });
    await a.open(created());
    const newer = await openDB(name, 99);
    a.change(add(a.snapshot().doc!, 'Alert'));
    await wait(50);
    expect(a.snapshot().status).toEqual({ kind: 'unavailable', why: 'newer' });
    a.change(add(a.snapshot().doc!, 'Second'));
    expect(a.snapshot().doc!.file.events).toHaveLength(2);
    expect(a.snapshot().status.kind).toBe('unavailable');
    a.rescue();
    expect(JSON.parse(rescue.get(rescueKey('d1'))!).doc.file.events).toHaveLength(2);
    newer.close();
  });

  it('a draft of another format or schema version says why it cannot open', async () => {
    const store = freshStore();
    const old = created();
    await store.put({
      ...old,
      doc: { ...old.doc, file: { ...old.doc.file, schemaVersion: '0.9' as '1.0' } },
    });
    const a = new DraftSession('d1', store);
    await a.open();
    expect(a.snapshot().status).toEqual({
      kind: 'unreadable',
      reason: 'it is written in incident schema 0.9, and this version of the app reads schema 1.0',
    });
  });

  it('opens a draft saved in format 1, whose history kept both lists of events, and undoes its change', async () => {
    const store = freshStore();
    const before = created().doc;
    const after = add(before, 'Alert');
    await store.put({
      ...created(),
      format: 1,
      doc: after,
      history: {
        past: [
          {
            before: { events: [], added: [] },
            after: { events: after.file.events, added: ['alert'] },
          },
        ],
        future: [],
      },
    });
    const a = new DraftSession('d1', store);
    await a.open();
    expect(a.snapshot().status.kind).toBe('saved');
    a.undo();
    expect(a.snapshot().doc).toEqual(before);
  });

  it('refuses a draft of a format newer than this version reads, saying why', async () => {
    const store = freshStore();
    await store.put({ ...created(), format: DRAFT_FORMAT + 1 });
    const a = new DraftSession('d1', store);
    await a.open();
    expect(a.snapshot().status).toEqual({
      kind: 'unreadable',
      reason: `it was saved in draft format ${DRAFT_FORMAT + 1}, and this version of the app reads drafts up to format ${DRAFT_FORMAT}`,
    });
  });

  describe('the rescue copy, for a page that goes away before the database has written', () => {
    /** localStorage's part that the session uses, holding at most `room` characters a value. */
    const memoryStorage = (room = Infinity) => {
      const items = new Map<string, string>();
      return {
        items,
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => {
          if (v.length > room) throw new DOMException('full', 'QuotaExceededError');
          items.set(k, v);
        },
        removeItem: (k: string) => void items.delete(k),
      };
    };
    /** The store as a page being unloaded sees it: writes after the first never finish. */
    const unloading = (store: DraftStore): DraftStore => {
      let writes = 0;
      return {
        ...store,
        put: (record) => (++writes === 1 ? store.put(record) : new Promise<void>(() => {})),
      };
    };

    it('a change made just before a reload is found by the next page, then saved and the copy dropped', async () => {
      const store = freshStore();
      const storage = memoryStorage();
      const a = new DraftSession('d1', unloading(store), { delayMs: 60_000, rescue: storage });
      await a.open(created());
      a.change(add(a.snapshot().doc!, 'Alert'));
      // pagehide: the rescue copy, then the database's write, which never finishes.
      a.rescue();
      void a.flush();
      expect(storage.items.has(rescueKey('d1'))).toBe(true);

      const b = new DraftSession('d1', store, { rescue: storage });
      await b.open();
      expect(b.snapshot().doc!.file.events.map((e) => e.id)).toEqual(['alert']);
      expect(b.snapshot().status.kind).toBe('saved');
      expect(storage.items.has(rescueKey('d1'))).toBe(false);
      // With its undo, and written to the database: a third page reads it there.
      b.undo();
      expect(b.snapshot().doc!.file.events).toEqual([]);
      b.redo();
      b.close();
      const c = new DraftSession('d1', store);
      await c.open();
      expect(c.snapshot().doc!.file.events.map((e) => e.id)).toEqual(['alert']);
    });

    it('a copy left by a version that saved drafts in format 1 is taken, and the next copy has a key it never reads', async () => {
      const store = freshStore();
      const storage = memoryStorage();
      await store.put({ ...created(), format: 1, savedAt: 5_000 });
      const later = add(created().doc, 'Alert');
      const history = {
        past: [
          {
            before: { events: [], added: [] },
            after: { events: later.file.events, added: ['alert'] },
          },
        ],
        future: [],
      };
      storage.setItem(
        formerRescueKey('d1'),
        JSON.stringify({ doc: later, history, savedAt: 6_000 }),
      );
      const a = new DraftSession('d1', store, { delayMs: 60_000, rescue: storage });
      await a.open();
      expect(a.snapshot().doc).toEqual(later);
      expect(storage.items.size).toBe(0);
      a.undo();
      expect(a.snapshot().doc!.file.events).toEqual([]);
      a.rescue();
      expect([...storage.items.keys()]).toEqual([rescueKey('d1')]);
      expect(rescueKey('d1')).not.toBe(formerRescueKey('d1'));
    });

    it('a copy older than the saved draft, or not readable, is dropped and the saved draft opens', async () => {
      const store = freshStore();
      await store.put({ ...created(), savedAt: 5_000 });
      for (const stale of [
        JSON.stringify({ doc: add(created().doc, 'Old'), history: EMPTY_HISTORY, savedAt: 4_000 }),
        '{not json',
        JSON.stringify({ savedAt: 9_000 }),
      ]) {
        const storage = memoryStorage();
        storage.setItem(rescueKey('d1'), stale);
        const s = new DraftSession('d1', store, { rescue: storage });
        await s.open();
        expect(s.snapshot().doc!.file.events).toEqual([]);
        expect(s.snapshot().status.kind).toBe('saved');
        expect(storage.items.has(rescueKey('d1'))).toBe(false);
      }
    });

    it('without room for the undo history, the copy keeps the content alone', async () => {
      const store = freshStore();
      const a = new DraftSession('d1', unloading(store), { delayMs: 60_000 });
      await a.open(created());
      a.change(add(a.snapshot().doc!, 'Alert'));
      const doc = a.snapshot().doc!;
      const room = JSON.stringify({ doc, history: EMPTY_HISTORY, savedAt: Date.now() }).length + 10;
      const storage = memoryStorage(room);
      const b = new DraftSession('d2', unloading(store), { delayMs: 60_000, rescue: storage });
      await b.open({ ...created('d2') });
      b.change(add(b.snapshot().doc!, 'Alert'));
      b.rescue();
      const copy = JSON.parse(storage.getItem(rescueKey('d2'))!) as { history: unknown };
      expect(copy.history).toEqual(EMPTY_HISTORY);
    });

    it('a copy whose draft is gone is dropped, so a draft stored later under its id opens as stored', async () => {
      const store = freshStore();
      const storage = memoryStorage();
      const copy = { doc: add(created().doc, 'Deleted'), history: EMPTY_HISTORY, savedAt: 9_000 };
      storage.setItem(rescueKey('d1'), JSON.stringify(copy));
      const gone = new DraftSession('d1', store, { rescue: storage });
      await gone.open();
      expect(gone.snapshot().status.kind).toBe('missing');
      expect(gone.snapshot().doc).toBeUndefined();
      expect(storage.items.has(rescueKey('d1'))).toBe(false);

      await store.put({ ...created(), savedAt: 5_000 });
      const again = new DraftSession('d1', store, { rescue: storage });
      await again.open();
      expect(again.snapshot().doc!.file.events).toEqual([]);
    });

    it('a tab that only reads the draft writes no copy', async () => {
      const store = freshStore();
      const storage = memoryStorage();
      const reader = new DraftSession('d1', store, { rescue: storage });
      await reader.open(created());
      reader.rescue();
      expect(storage.items.size).toBe(0);
    });
  });

  it('a missing draft says so', async () => {
    const a = new DraftSession('nope', freshStore());
    await a.open();
    expect(a.snapshot().status.kind).toBe('missing');
  });

  it('a second session on a locked draft only reads it, and ignores changes', async () => {
    const store = freshStore();
    const held = new Set<string>();
    const locks = {
      request: ((name: string, opts: LockOptions, cb: (l: Lock | null) => Promise<void>) => {
        if (held.has(name) && !opts.steal) return Promise.resolve(cb(null));
        held.add(name);
        return cb({ name, mode: 'exclusive' } as Lock);
      }) as unknown as LockManager['request'],
    };
    const a = new DraftSession('d1', store, { locks, delayMs: 10 });
    await a.open(created());
    const b = new DraftSession('d1', store, { locks });
    await b.open();
    expect(b.snapshot().status).toEqual({ kind: 'read-only', taken: false });
    b.change(add(b.snapshot().doc!, 'Lost'));
    expect(b.snapshot().doc!.file.events).toEqual([]);
  });

  it('lists drafts newest first with their titles', async () => {
    const store = freshStore();
    await store.put({ ...created('a'), savedAt: 1 });
    await store.put({ ...created('b'), savedAt: 2 });
    expect((await store.list()).map((d) => [d.id, d.title])).toEqual([
      ['b', { en: 'Untitled' }],
      ['a', { en: 'Untitled' }],
    ]);
  });
});

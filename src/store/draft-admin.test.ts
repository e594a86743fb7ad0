import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newIncident } from '../model/draft';
import { EMPTY_HISTORY } from '../model/draft-history';
import { openTimelineDb } from './db';
import { draftAdmin } from './draft-admin';
import { DRAFT_FORMAT, type DraftRecord } from './draft-record';
import { DraftSession, rescueKey } from './draft-session';
import { draftStore } from './draft-store';

let n = 0;
const freshStore = () => draftStore(openTimelineDb(`draft-admin-${++n}`));
const words = {
  lang: 'en',
  title: 'VPN intrusion',
  summary: 'S',
  source: 'Notes',
  phase: 'P',
  system: 'S',
  actor: 'A',
  action: 'O',
};
const created = (id: string): DraftRecord => ({
  id,
  format: DRAFT_FORMAT,
  doc: { file: newIncident('vpn', words), added: [] },
  history: EMPTY_HISTORY,
  savedAt: 0,
});

/** Web Locks as two tabs see them: a name held by one is unavailable to the other until released. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    request: ((name: string, opts: LockOptions, cb: (l: Lock | null) => Promise<unknown>) => {
      if (held.has(name) && !opts.steal) return Promise.resolve(cb(null));
      held.add(name);
      return Promise.resolve(cb({ name, mode: 'exclusive' } as Lock)).finally(() =>
        held.delete(name),
      );
    }) as unknown as LockManager['request'],
  };
}

/** localStorage's part that sessions use for their rescue copies. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** A rescue copy of `id` newer than its saved record, as a page that went away mid-save leaves it. */
const unsavedCopy = (id: string) => {
  const { doc } = created(id);
  return JSON.stringify({
    doc: { ...doc, file: { ...doc.file, summary: 'Unsaved summary' } },
    history: EMPTY_HISTORY,
    savedAt: 10,
  });
};

describe('draft admin', () => {
  it('refuses to rename or delete a draft another tab has open, and changes nothing', async () => {
    const store = freshStore();
    await store.put(created('d1'));
    const locks = fakeLocks();
    locks.held.add('incident-timeline:draft:d1');
    const admin = draftAdmin({ store, locks, open: () => undefined, closeOpen: () => {} });
    expect(await admin.rename('d1', 'Renamed', 'en')).toEqual({ ok: false, why: 'elsewhere' });
    expect(await admin.remove('d1')).toEqual({ ok: false, why: 'elsewhere' });
    expect((await store.get('d1'))!.doc.file.title).toEqual({ en: 'VPN intrusion' });
  });

  it('renames and deletes a draft no tab has open, and a restore brings it back', async () => {
    const store = freshStore();
    await store.put(created('d1'));
    const admin = draftAdmin({
      store,
      locks: fakeLocks(),
      open: () => undefined,
      closeOpen: () => {},
    });
    expect(await admin.rename('d1', 'Renamed', 'en')).toEqual({ ok: true, value: undefined });
    expect((await store.get('d1'))!.doc.file.title).toEqual({ en: 'Renamed' });
    const removed = await admin.remove('d1');
    expect(await store.get('d1')).toBeUndefined();
    await admin.restore((removed as { value: DraftRecord }).value);
    expect((await store.get('d1'))!.doc.file.title).toEqual({ en: 'Renamed' });
    expect(await admin.remove('none')).toEqual({ ok: false, why: 'gone' });
  });

  it('renames the draft open in this tab through its session, as a change it can undo', async () => {
    const store = freshStore();
    const session = new DraftSession('d1', store, { delayMs: 10 });
    await session.open(created('d1'));
    let closed = false;
    const admin = draftAdmin({ store, open: () => session, closeOpen: () => (closed = true) });
    await admin.rename('d1', 'Renamed', 'en');
    expect(session.snapshot().doc!.file.title).toEqual({ en: 'Renamed' });
    expect((await store.get('d1'))!.doc.file.title).toEqual({ en: 'Renamed' });
    session.undo();
    expect(session.snapshot().doc!.file.title).toEqual({ en: 'VPN intrusion' });

    const removed = await admin.remove('d1');
    expect(closed).toBe(true);
    expect(removed.ok && removed.value.history.future).toHaveLength(1);
    expect(await store.get('d1')).toBeUndefined();
  });

  it('a copy of the open draft holds what the tab shows, not yet written', async () => {
    const store = freshStore();
    const session = new DraftSession('d1', store, { delayMs: 60_000 });
    await session.open(created('d1'));
    const doc = session.snapshot().doc!;
    session.change({ ...doc, file: { ...doc.file, summary: 'Unsaved summary' } });
    const admin = draftAdmin({ store, open: () => session, closeOpen: () => {} });
    expect(await admin.duplicate('d1', 'd2', ' (copy)')).toEqual({ ok: true, value: 'd2' });
    const copy = (await store.get('d2'))!;
    expect(copy.doc.file.summary).toBe('Unsaved summary');
    expect(copy.doc.file.title).toEqual({ en: 'VPN intrusion (copy)' });
  });

  it('deleting a draft deletes its rescue copy, so a restore brings back the saved draft, not the copy', async () => {
    const store = freshStore();
    const storage = memoryStorage();
    await store.put(created('d1'));
    const open = new DraftSession('d2', store, { delayMs: 10, rescue: storage });
    await open.open(created('d2'));
    let current: DraftSession | undefined = open;
    const admin = draftAdmin({
      store,
      locks: fakeLocks(),
      rescue: storage,
      open: () => current,
      closeOpen: () => {
        current?.close();
        current = undefined;
      },
    });
    // One closed in every tab, one open in this tab.
    for (const id of ['d1', 'd2']) {
      storage.setItem(rescueKey(id), unsavedCopy(id));
      const removed = await admin.remove(id);
      expect(removed.ok).toBe(true);
      expect(storage.items.has(rescueKey(id))).toBe(false);
      await admin.restore((removed as { value: DraftRecord }).value);
      const reopened = new DraftSession(id, store, { rescue: storage });
      await reopened.open();
      expect(reopened.snapshot().doc!.file.summary).toEqual({ en: 'S' });
      reopened.close();
    }
  });
});

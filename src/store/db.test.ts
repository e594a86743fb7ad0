import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, it } from 'vitest';
import { BLOCKED, openTimelineDb, PART_SIZE, SUPERSEDED } from './db';
import { draftStore } from './draft-store';

/** A database as version 2 of the app left it: tabletop stores and drafts, with no summaries of them. */
async function versionTwo(name: string) {
  return openDB(name, 2, {
    upgrade(db) {
      db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byIncident', 'incidentId');
      db.createObjectStore('notes', { keyPath: ['incidentId', 'sessionId', 'step'] });
      db.createObjectStore('drafts', { keyPath: 'id' });
    },
  });
}

const draft = (id: string, title: string, events: number, savedAt: number) => ({
  id,
  format: 2,
  doc: {
    file: { title, events: Array.from({ length: events }, (_, i) => ({ id: `e${i}` })) },
    added: [],
  },
  history: { past: [], future: [] },
  savedAt,
});

it('upgrading a version 1 database adds drafts and keeps the tabletop sessions', async () => {
  const v1 = await openDB('upgrade-test', 1, {
    upgrade(db) {
      db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byIncident', 'incidentId');
      db.createObjectStore('notes', { keyPath: ['incidentId', 'sessionId', 'step'] });
    },
  });
  await v1.put('sessions', { id: 's1', incidentId: 'a', startedAt: 1, elapsedMs: 0 });
  v1.close();
  const db = await openTimelineDb('upgrade-test')();
  expect(await db.get('sessions', 's1')).toMatchObject({ incidentId: 'a' });
  expect(await db.getAll('drafts')).toEqual([]);
  expect(await db.getAll('draftSummaries')).toEqual([]);
});

it('upgrading a version 2 database lists the drafts it holds, newest first, with their counts, and opens each whole', async () => {
  const v2 = await versionTwo('upgrade-2');
  await v2.put('drafts', draft('a', 'Phishing', PART_SIZE * 2 + 1, 10));
  await v2.put('drafts', draft('b', 'Lost laptop', 0, 20));
  v2.close();
  const store = draftStore(openTimelineDb('upgrade-2'));
  expect(await store.list()).toEqual([
    { id: 'b', title: 'Lost laptop', savedAt: 20, events: 0 },
    { id: 'a', title: 'Phishing', savedAt: 10, events: PART_SIZE * 2 + 1 },
  ]);
  // Split: the record keeps no events, its parts hold them.
  const raw = await openTimelineDb('upgrade-2')();
  expect((await raw.get('drafts', 'a'))!).toMatchObject({
    parts: 3,
    doc: { file: { events: [] } },
  });
  expect(await raw.count('draftParts')).toBe(3);
  // Stored in parts now, each draft still opens as it was saved.
  expect(await store.get('a')).toEqual(draft('a', 'Phishing', PART_SIZE * 2 + 1, 10));
  expect(await store.get('b')).toEqual(draft('b', 'Lost laptop', 0, 20));
});

it('a newer version opening the database is not held up by this tab, whose next save then says to reload', async () => {
  const store = draftStore(openTimelineDb('superseded'));
  await store.put(draft('a', 'Phishing', 1, 10) as never);
  const newer = await openDB('superseded', 99);
  expect(await newer.count('drafts')).toBe(1);
  await expect(store.put(draft('a', 'Phishing', 2, 11) as never)).rejects.toThrow(SUPERSEDED);
  newer.close();
  // Opened after the newer version, this version cannot use the database either, and says why the same way.
  await expect(draftStore(openTimelineDb('superseded')).list()).rejects.toThrow(SUPERSEDED);
});

it('an older tab that keeps the database open is named as what holds the drafts up, until it closes', async () => {
  const older = await versionTwo('blocked');
  await older.put('drafts', draft('a', 'Phishing', 1, 10));
  const store = draftStore(openTimelineDb('blocked'));
  await expect(store.list()).rejects.toThrow(BLOCKED);
  older.close();
  await expect
    .poll(() => store.list().catch(String))
    .toEqual([{ id: 'a', title: 'Phishing', savedAt: 10, events: 1 }]);
});

it('a second tab of this version, queued behind one that waits for an older tab, names the older tab too', async () => {
  const older = await versionTwo('queued');
  const first = draftStore(openTimelineDb('queued', 100));
  await expect(first.list()).rejects.toThrow(BLOCKED);
  const second = draftStore(openTimelineDb('queued', 100));
  await expect(second.list()).rejects.toThrow(BLOCKED);
  older.close();
  await expect.poll(() => second.list().catch(String)).toEqual([]);
});

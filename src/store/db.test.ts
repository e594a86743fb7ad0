import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, it } from 'vitest';
import { openTimelineDb } from './db';

it('upgrading a version 1 database adds drafts and keeps the tabletop sessions', async () => {
  const v1 = await openDB('upgrade-test', 1, {
    upgrade(db) {
      db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byIncident', 'incidentId');
      db.createObjectStore('notes', { keyPath: ['incidentId', 'sessionId', 'step'] });
    },
  });
  await v1.put('sessions', { id: 's1', incidentId: 'a', startedAt: 1, elapsedMs: 0 });
  v1.close();
  const db = await openTimelineDb('upgrade-test');
  expect(await db.get('sessions', 's1')).toMatchObject({ incidentId: 'a' });
  expect(await db.getAll('drafts')).toEqual([]);
});

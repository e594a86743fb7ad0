import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Session } from '../model/tabletop';
import { openTimelineDb } from './db';
import { tabletopStore } from './tabletop-store';

let n = 0;
const fresh = () => openTimelineDb(`test-${++n}`);
const session = (id: string, incidentId: string, startedAt: number): Session => ({
  id,
  incidentId,
  startedAt,
  elapsedMs: 0,
  targetMinutes: 60,
});

describe('tabletop store', () => {
  it('keeps notes apart by incident and session, and reads back what was saved', async () => {
    const store = tabletopStore(fresh());
    const note = { text: 'Rotate all of them', tags: ['gap' as const], spentMs: 1_000 };
    await store.saveNote('a', 's1', 'okta#inject', note);
    await store.saveNote('a', 's2', 'okta#inject', { ...note, text: 'other session' });
    await store.saveNote('b', 's1', 'okta#inject', { ...note, text: 'other incident' });
    expect(await store.notes('a', 's1')).toEqual({ 'okta#inject': note });
    await store.saveNote('a', 's1', 'okta#inject', { ...note, text: 'Rotate every one' });
    expect((await store.notes('a', 's1'))['okta#inject']!.text).toBe('Rotate every one');
    expect(await store.notes('a', 's3')).toEqual({});
  });

  it('lists an incident’s sessions newest first and survives reopening the database', async () => {
    const name = `test-${++n}`;
    const store = tabletopStore(openTimelineDb(name));
    await store.saveSession(session('old', 'a', 1));
    await store.saveSession(session('new', 'a', 2));
    await store.saveSession(session('elsewhere', 'b', 3));
    const reopened = tabletopStore(openTimelineDb(name));
    expect((await reopened.sessions('a')).map((s) => s.id)).toEqual(['new', 'old']);
    expect(await reopened.session('old')).toEqual(session('old', 'a', 1));
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addEvent, newIncident, type DraftDoc } from '../model/draft';
import { EMPTY_HISTORY, record } from '../model/draft-history';
import { openTimelineDb, type Connection } from './db';
import { DRAFT_FORMAT, type DraftRecord } from './draft-record';
import { draftStore, suffixed } from './draft-store';

let n = 0;
let clock = 1000;
const freshStore = () => draftStore(openTimelineDb(`draft-store-${++n}`), () => ++clock);
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

/** A draft with two events added, so its history has two steps to undo. */
function edited(id: string): DraftRecord {
  const start: DraftDoc = { file: newIncident('vpn', words), added: [] };
  const one = addEvent(start, { title: 'Alert', lang: 'en', startMs: Date.UTC(2024, 0, 1) }).doc;
  const two = addEvent(one, { title: 'Block', lang: 'en', startMs: Date.UTC(2024, 0, 2) }).doc;
  const history = record(record(EMPTY_HISTORY, start, one), one, two);
  return { id, format: DRAFT_FORMAT, doc: two, history, savedAt: 1 };
}

describe('draft store', () => {
  it('renames a draft in one language, keeping its events and its undo history', async () => {
    const store = freshStore();
    const before = edited('d1');
    await store.put(before);
    await store.rename('d1', 'VPN 入侵', 'zh-Hant');
    const after = (await store.get('d1'))!;
    expect(after.doc.file.title).toEqual({ en: 'VPN intrusion', 'zh-Hant': 'VPN 入侵' });
    expect(after.doc.file.events).toEqual(before.doc.file.events);
    expect(after.history).toEqual(before.history);
    expect(after.savedAt).toBeGreaterThan(before.savedAt);
    expect(await store.rename('nope', 'X', 'en')).toBeUndefined();
  });

  it('duplicates a draft under a new id and title “… (copy)”, with its own history', async () => {
    const store = freshStore();
    await store.put(edited('d1'));
    await store.duplicate('d1', 'd2', ' (copy)');
    const copy = (await store.get('d2'))!;
    expect(copy.id).toBe('d2');
    expect(copy.doc.file.title).toEqual({ en: 'VPN intrusion (copy)' });
    expect(copy.history).toEqual(edited('d1').history);
    // Editing the copy's history leaves the original's alone.
    await store.put({ ...copy, history: EMPTY_HISTORY });
    expect((await store.get('d1'))!.history.past).toHaveLength(2);
    expect((await store.get('d1'))!.doc.file.title).toEqual({ en: 'VPN intrusion' });
    expect((await store.list()).map((d) => d.id).sort()).toEqual(['d1', 'd2']);
  });

  it('a deleted draft restored from what delete returned is the same record, history included', async () => {
    const store = freshStore();
    const original = edited('d1');
    await store.put(original);
    const taken = await store.take('d1');
    expect(await store.get('d1')).toBeUndefined();
    expect(await store.list()).toEqual([]);
    await store.put(taken!);
    expect(await store.get('d1')).toEqual(original);
    expect(await store.take('gone')).toBeUndefined();
  });

  it('the list follows every save, rename, copy, delete and restore, and reads no draft to show them', async () => {
    const connection = openTimelineDb(`draft-store-${++n}`);
    const opened: string[] = [];
    // Records the stores each transaction opens: the list must open only the summaries, whatever a draft weighs.
    const watched: Connection = async () =>
      new Proxy(await connection(), {
        get(db, key) {
          const value: unknown = Reflect.get(db, key);
          if (key !== 'transaction' || typeof value !== 'function') return value;
          return (names: string | string[], ...rest: unknown[]) => {
            opened.push(...[names].flat());
            return value.call(db, names, ...rest);
          };
        },
      });
    const store = draftStore(watched, () => ++clock);
    const listed = async () => {
      opened.length = 0;
      const all = await store.list();
      expect(opened).toEqual(['draftSummaries']);
      return all.map((d) => [d.id, d.title, d.events]);
    };
    await store.put(edited('d1'));
    expect(await listed()).toEqual([['d1', { en: 'VPN intrusion' }, 2]]);
    await store.rename('d1', 'VPN 入侵', 'zh-Hant');
    await store.duplicate('d1', 'd2', ' (copy)');
    expect(await listed()).toEqual([
      ['d2', { en: 'VPN intrusion (copy)', 'zh-Hant': 'VPN 入侵 (copy)' }, 2],
      ['d1', { en: 'VPN intrusion', 'zh-Hant': 'VPN 入侵' }, 2],
    ]);
    const taken = await store.take('d1');
    const emptied = edited('d2');
    emptied.doc.file.events = [];
    await store.put({ ...emptied, savedAt: ++clock });
    expect(await listed()).toEqual([['d2', { en: 'VPN intrusion' }, 0]]);
    await store.put(taken!);
    expect(await listed()).toEqual([
      ['d2', { en: 'VPN intrusion' }, 0],
      ['d1', { en: 'VPN intrusion', 'zh-Hant': 'VPN 入侵' }, 2],
    ]);
  });

  it('adds a suffix to a title in every language it has', () => {
    expect(suffixed('Plain', ' (copy)')).toBe('Plain (copy)');
    expect(suffixed({ en: 'A', 'zh-Hant': '甲' }, '（副本）')).toEqual({
      en: 'A（副本）',
      'zh-Hant': '甲（副本）',
    });
  });
});

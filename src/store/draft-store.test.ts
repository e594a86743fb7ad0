import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addEvent, newIncident, type DraftDoc } from '../model/draft';
import { EMPTY_HISTORY, record } from '../model/draft-history';
import { openTimelineDb, PART_SIZE, type Connection } from './db';
import { DRAFT_FORMAT, type DraftRecord } from './draft-record';
import { draftStore, suffixed, type DraftStore } from './draft-store';

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

/** A draft of `n` events (enough of them to fill several parts). */
function sized(id: string, n: number): DraftRecord {
  const record = edited(id);
  const [template] = record.doc.file.events;
  const events = Array.from({ length: n }, (_, i) => ({ ...template!, id: `${id}-${i}` }));
  return withEvents(record, events);
}

const withEvents = (
  record: DraftRecord,
  events: DraftRecord['doc']['file']['events'],
): DraftRecord => ({
  ...record,
  doc: { ...record.doc, file: { ...record.doc.file, events } },
  savedAt: ++clock,
});

/** The draft as stored: read from the database, not from what the store last wrote. */
const readBack = (store: DraftStore, id: string) => {
  store.forget(id);
  return store.get(id);
};

/** The parts of a draft that `save` writes, by number. */
async function partsWritten(save: () => Promise<void>): Promise<number[]> {
  const put = vi.spyOn(IDBObjectStore.prototype, 'put');
  try {
    await save();
    return put.mock.calls
      .filter((_, i) => (put.mock.contexts[i] as IDBObjectStore).name === 'draftParts')
      .map(([value]) => (value as { part: number }).part);
  } finally {
    put.mockRestore();
  }
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
    expect(await store.rename('nope', 'X', 'en')).toBe(false);
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
    expect(await readBack(store, 'd1')).toEqual(original);
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

  it('a save after typing in one event writes only the part holding it, and reads back whole', async () => {
    const connection = openTimelineDb(`draft-store-${++n}`);
    const store = draftStore(connection, () => ++clock);
    const first = sized('big', PART_SIZE * 2.5);
    await store.put(first);
    const events = [...first.doc.file.events];
    events[PART_SIZE + 7] = { ...events[PART_SIZE + 7]!, description: { en: 'Typed.' } };
    const typed = withEvents(first, events);
    expect(await partsWritten(() => store.put(typed))).toEqual([1]);
    const read = (await readBack(store, 'big'))!;
    expect(read).toEqual(typed);
    // Read back, the draft is known as stored: the next change again writes its own part alone.
    const stored = read.doc.file.events;
    const again = withEvents(read, [
      ...stored.slice(0, -1),
      { ...stored.at(-1)!, title: { en: 'Last' } },
    ]);
    expect(await partsWritten(() => store.put(again))).toEqual([2]);
    const cut = withEvents(again, again.doc.file.events.slice(0, 10));
    expect(await partsWritten(() => store.put(cut))).toEqual([0]);
    expect(await readBack(store, 'big')).toEqual(cut);
    // The parts past the draft's end are gone, not left to fill the browser's storage.
    expect(await (await connection()).count('draftParts')).toBe(1);
    await store.take('big');
    expect(await (await connection()).count('draftParts')).toBe(0);
  });

  it('a save after another write of the same draft writes every part, never leaving that write’s parts behind', async () => {
    const name = `draft-store-${++n}`;
    const mine = draftStore(openTimelineDb(name), () => ++clock);
    const other = draftStore(openTimelineDb(name), () => ++clock);
    const first = sized('big', PART_SIZE * 2);
    await mine.put(first);
    const theirs = [...first.doc.file.events];
    theirs[0] = { ...theirs[0]!, title: { en: 'Theirs' } };
    await other.put(withEvents(first, theirs));
    const ours = [...first.doc.file.events];
    ours[PART_SIZE] = { ...ours[PART_SIZE]!, title: { en: 'Ours' } };
    const ourDraft = withEvents(first, ours);
    expect(await partsWritten(() => mine.put(ourDraft))).toEqual([0, 1]);
    expect(await other.get('big')).toEqual(ourDraft);
  });

  it('reads a draft as stored once: a second read gives the same draft, one after any write reads it again', async () => {
    const name = `draft-store-${++n}`;
    const mine = draftStore(openTimelineDb(name), () => ++clock);
    const other = draftStore(openTimelineDb(name), () => ++clock);
    const first = sized('big', PART_SIZE * 2);
    await other.put(first);
    const [read, alongside] = await Promise.all([mine.get('big'), mine.get('big')]);
    expect(read).toEqual(first);
    expect(alongside).toBe(read);
    expect(await mine.get('big')).toBe(read);
    // A read asked for once a write has begun reads what it wrote.
    const typed = [...first.doc.file.events];
    typed[1] = { ...typed[1]!, title: { en: 'Typed' } };
    const before = mine.get('big');
    const written = mine.put(withEvents(first, typed));
    const after = mine.get('big');
    await written;
    expect(await before).toBe(read);
    expect((await after)!.doc.file.events[1]!.title).toEqual({ en: 'Typed' });
    const theirs = [...first.doc.file.events];
    theirs[3] = { ...theirs[3]!, title: { en: 'Theirs' } };
    await other.put(withEvents(first, theirs));
    const again = (await mine.get('big'))!;
    expect(again.doc.file.events[3]!.title).toEqual({ en: 'Theirs' });
    await mine.rename('big', 'Renamed', 'en');
    expect(JSON.stringify((await mine.get('big'))!.doc.file.title)).toContain('Renamed');
  });

  it('a rename keeps the parts known, unless another write came first', async () => {
    const name = `draft-store-${++n}`;
    const mine = draftStore(openTimelineDb(name), () => ++clock);
    const other = draftStore(openTimelineDb(name), () => ++clock);
    const first = sized('big', PART_SIZE * 2);
    await mine.put(first);
    await mine.rename('big', 'Renamed', 'en');
    const one = [...first.doc.file.events];
    one[PART_SIZE] = { ...one[PART_SIZE]!, title: { en: 'Typed' } };
    expect(await partsWritten(() => mine.put(withEvents(first, one)))).toEqual([1]);
    // Another store's write, then a rename here: the parts this store knows are no longer those stored.
    const theirs = [...one];
    theirs[0] = { ...theirs[0]!, title: { en: 'Theirs' } };
    await other.put(withEvents(first, theirs));
    await mine.rename('big', 'Renamed again', 'en');
    const two = [...one];
    two[PART_SIZE + 1] = { ...two[PART_SIZE + 1]!, title: { en: 'Mine' } };
    const last = withEvents(first, two);
    expect(await partsWritten(() => mine.put(last))).toEqual([0, 1]);
    expect(await other.get('big')).toEqual(last);
  });

  it('any run of edits, saves, renames, deletions and restores reads back as the last draft written', async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), at: fc.nat(), text: fc.string() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        count: fc.integer({ min: 1, max: 1500 }),
      }),
      fc.record({
        kind: fc.constant('remove' as const),
        at: fc.nat(),
        count: fc.integer({ min: 1, max: 1500 }),
      }),
      fc.record({ kind: fc.constant('rename' as const), text: fc.string() }),
      fc.record({ kind: fc.constant('take' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(edit, { maxLength: 8 }),
        async (size, edits) => {
          const connection = openTimelineDb(`draft-store-${++n}`);
          const store = draftStore(connection, () => ++clock);
          let draft = sized('d', size);
          await store.put(draft);
          for (const e of edits) {
            const events = [...draft.doc.file.events];
            if (e.kind === 'change' && events.length > 0) {
              const i = e.at % events.length;
              events[i] = { ...events[i]!, title: { en: e.text } };
            } else if (e.kind === 'insert') {
              events.splice(e.at % (events.length + 1), 0, ...sized('x', e.count).doc.file.events);
            } else if (e.kind === 'remove') {
              events.splice(e.at % (events.length + 1), e.count);
            }
            if (e.kind === 'rename') {
              await store.rename('d', e.text, 'en');
              draft = (await store.get('d'))!;
              continue;
            }
            if (e.kind === 'take') {
              const taken = await store.take('d');
              expect(taken).toEqual(draft);
              await store.put(taken!);
              continue;
            }
            draft = withEvents(draft, events);
            await store.put(draft);
          }
          expect(await readBack(store, 'd')).toEqual(draft);
          expect((await store.list())[0]!.events).toBe(draft.doc.file.events.length);
          expect(await (await connection()).count('draftParts')).toBe(
            Math.ceil(draft.doc.file.events.length / PART_SIZE),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('adds a suffix to a title in every language it has', () => {
    expect(suffixed('Plain', ' (copy)')).toBe('Plain (copy)');
    expect(suffixed({ en: 'A', 'zh-Hant': '甲' }, '（副本）')).toEqual({
      en: 'A（副本）',
      'zh-Hant': '甲（副本）',
    });
  });
});
